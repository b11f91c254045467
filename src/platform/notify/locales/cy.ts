import type { Catalogue } from '../../i18n/index.js'
import type { en } from './en.js'

export const cy: Catalogue<typeof en> = {
  outbox: {
    title: 'Blwch anfon',
    intro: 'Y negeseuon e-bost a thestun diweddaraf, y mwyaf newydd yn gyntaf. Caiff derbynwyr a thestun negeseuon eu dileu ar ôl y cyfnod cadw; mae’r statws yn aros.',
    empty: 'Nid oes unrhyw negeseuon wedi cael eu hanfon.',
    provider: (name: string) => `Mae negeseuon yn mynd i ${name}.`,
    providers: { outbox: 'y blwch anfon hwn (nid oes dim yn gadael y system)', notify: 'GOV.UK Notify' },
    to: 'At',
    channel: 'Sianel',
    channels: { email: 'E-bost', sms: 'Neges destun' },
    language: 'Iaith',
    languages: { en: 'Saesneg', cy: 'Cymraeg' },
    status: 'Statws',
    attempts: 'Ymdrechion',
    reason: 'Rheswm',
    created: 'Gofynnwyd amdano',
    subject: 'Pwnc',
    message: 'Neges',
    removed: 'Wedi’i ddileu ar ôl y cyfnod cadw',
    statuses: {
      queued: 'Yn y ciw',
      sending: 'Yn anfon',
      retrying: 'Bydd yn ceisio eto',
      sent: 'Wedi’i anfon',
      delivered: 'Wedi’i ddosbarthu',
      'permanent-failure': 'Heb ei ddosbarthu',
      'temporary-failure': 'Heb ei ddosbarthu (mewnflwch yn llawn neu ffôn i ffwrdd)',
      'technical-failure': 'Heb ei ddosbarthu (nam technegol)',
      failed: 'Wedi methu',
    },
    counts: 'Negeseuon yn ôl statws',
    type: 'Math',
    count: 'Nifer',
  },
}
