/**
 * The messages this service sends. Words live here in English and Welsh; the
 * Notify templates stay generic.
 */
import type { MessageType } from '../../platform/notify/index.js'

const fields = ['reference', 'prison', 'when', 'detail', 'link'] as const
type Fields = (typeof fields)[number]

export const messageTypes: MessageType<Fields>[] = [
  {
    type: 'prison-visits-booked',
    channels: ['email', 'sms'],
    personalisation: fields,
    render: (lang, p) =>
      lang === 'cy'
        ? { subject: `Ymweliad wedi’i archebu: ${p.when}, ${p.prison}`, body: `Mae eich ymweliad â ${p.prison} wedi’i archebu ar gyfer ${p.when}.\n\nCyfeirnod: ${p.reference}\n\n${p.detail}\n\nGweld neu ganslo eich ymweliad: ${p.link}` }
        : { subject: `Visit booked: ${p.when}, ${p.prison}`, body: `Your visit to ${p.prison} is booked for ${p.when}.\n\nReference: ${p.reference}\n\n${p.detail}\n\nView or cancel your visit: ${p.link}` },
  },
  {
    type: 'prison-visits-requested',
    channels: ['email', 'sms'],
    personalisation: fields,
    render: (lang, p) =>
      lang === 'cy'
        ? { subject: `Cais am ymweliad wedi’i anfon: ${p.prison}`, body: `Rydym wedi anfon eich cais i ymweld â ${p.prison} ar ${p.when} at y carchar. Byddant yn penderfynu o fewn 3 diwrnod gwaith.\n\nPam: ${p.detail}\n\nCyfeirnod: ${p.reference}\n\nGweld neu dynnu eich cais yn ôl: ${p.link}` }
        : { subject: `Visit request sent: ${p.prison}`, body: `We have sent your request to visit ${p.prison} on ${p.when} to the prison. They will decide within 3 working days.\n\nWhy: ${p.detail}\n\nReference: ${p.reference}\n\nView or withdraw your request: ${p.link}` },
  },
  {
    type: 'prison-visits-changed',
    channels: ['email', 'sms'],
    personalisation: fields,
    render: (lang, p) =>
      lang === 'cy'
        ? { subject: `Eich ymweliad â ${p.prison}: diweddariad`, body: `Mae newid i’ch ymweliad â ${p.prison} ar ${p.when} (cyfeirnod ${p.reference}).\n\n${p.detail}\n\nGweld eich ymweliad: ${p.link}` }
        : { subject: `Your visit to ${p.prison}: update`, body: `There is a change to your visit to ${p.prison} on ${p.when} (reference ${p.reference}).\n\n${p.detail}\n\nView your visit: ${p.link}` },
  },
]
