/** Every govuk-frontend component as a typed function, named as its macro. */
export * from './common.js'
export * from './button.js'
