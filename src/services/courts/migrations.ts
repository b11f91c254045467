import { runStatements, type Migration } from '../../platform/db/migrations.js'

export const courtMigrations: Migration[] = [
  {
    name: 'courts/tables',
    up: (db) =>
      runStatements(db, [
        `create table courts (
          slug text primary key,
          fact_id integer,
          name text not null,
          name_cy text not null default '',
          displayed boolean not null,
          lat double precision,
          lon double precision,
          region text not null default '',
          country text not null default '',
          in_person boolean not null default true,
          access_scheme boolean,
          service_centre boolean not null default false,
          service_centre_intro text not null default '',
          welsh_enabled boolean not null default false,
          court_types jsonb not null default '[]',
          codes jsonb not null default '{}',
          areas_of_law jsonb not null default '[]',
          areas_of_law_spoe jsonb not null default '[]',
          addresses jsonb not null default '[]',
          opening_times jsonb not null default '[]',
          contacts jsonb not null default '[]',
          emails jsonb not null default '[]',
          dx_codes jsonb not null default '[]',
          facilities jsonb not null default '[]',
          parking jsonb,
          additional_links jsonb not null default '[]',
          local_authorities_by_area_of_law jsonb not null default '{}',
          postcode_prefixes_served jsonb not null default '[]',
          alert text not null default '',
          info text not null default '',
          directions text not null default '',
          image_file text not null default '',
          staff_edited_fields jsonb not null default '[]',
          import_problems jsonb not null default '[]',
          version integer not null default 1,
          source_updated_at text,
          imported_at timestamptz not null default now(),
          updated_at timestamptz not null default now()
        )`,
        `create table court_areas_of_law (
          name text primary key,
          fact_id integer,
          display_name text not null default '',
          alt_name text not null default '',
          external_link text not null default '',
          external_link_desc text not null default '',
          display_external_link text not null default ''
        )`,
        `create table court_service_areas (
          slug text primary key,
          name text not null,
          description text not null default '',
          type text not null default '',
          catchment_method text,
          area_of_law text not null default '',
          online_url text not null default '',
          online_text text not null default '',
          text text not null default '',
          sort_order integer not null default 0,
          services jsonb not null default '[]',
          service_area_courts jsonb not null default '[]'
        )`,
        `create table court_services (
          slug text primary key,
          name text not null,
          description text not null default '',
          sort_order integer not null default 0
        )`,
        `create table court_lookups (
          kind text not null,
          position integer not null,
          value jsonb not null,
          primary key (kind, position)
        )`,
        `create table court_postcodes (
          prefix text not null,
          court_slug text not null,
          raw text not null,
          primary key (prefix, court_slug)
        )`,
        `create table court_council_courts (
          council text not null,
          area_of_law text not null,
          court_slug text not null,
          displayed boolean not null,
          primary key (council, area_of_law, court_slug)
        )`,
        `create table court_council_matches (
          council text primary key,
          la_codes jsonb not null default '[]',
          method text not null
        )`,
      ]),
  },
]
