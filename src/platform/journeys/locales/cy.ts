import { softMutation, type Catalogue } from '../../i18n/index.js'
import type { en } from './en.js'

/** Testun Cymraeg yr injan teithiau. */
export const cy: Catalogue<typeof en> = {
  continue: 'Parhau',
  saveForLater: 'Cadw a dod yn ôl yn nes ymlaen',
  change: 'Newid',
  checkAnswers: {
    title: 'Gwiriwch eich atebion cyn anfon eich cais',
    submit: 'Derbyn ac anfon',
    declarationHeading: 'Nawr anfonwch eich cais',
  },
  confirmation: {
    reference: 'Eich cyfeirnod',
  },
  errors: {
    required: (label: string) => `Rhowch ${softMutation(label)}`,
    tooLong: (label: string, max: number) => `${rhaidI(label)} fod yn ${max} nod neu lai`,
    email: 'Rhowch gyfeiriad e-bost yn y fformat cywir, fel enw@enghraifft.com',
    phone: 'Rhowch rif ffôn, fel 01632 960 001, 07700 900 982 neu +44 808 157 0192',
    postcode: 'Rhowch god post go iawn',
    select: (label: string) => `Dewiswch ${softMutation(label)}`,
    date: {
      required: (label: string) => `Rhowch ${softMutation(label)}`,
      missing: (label: string, parts: string) => `${rhaidI(label)} gynnwys ${parts}`,
      real: (label: string) => `${rhaidI(label)} fod yn ddyddiad go iawn`,
      past: (label: string) => `${rhaidI(label)} fod yn y gorffennol`,
      future: (label: string) => `${rhaidI(label)} fod yn y dyfodol`,
      todayOrPast: (label: string) => `${rhaidI(label)} fod heddiw neu yn y gorffennol`,
      todayOrFuture: (label: string) => `${rhaidI(label)} fod heddiw neu yn y dyfodol`,
      after: (label: string, date: string) => `${rhaidI(label)} fod ar ôl ${date}`,
      before: (label: string, date: string) => `${rhaidI(label)} fod cyn ${date}`,
      year: (label: string) => `${rhaidI(label)} gynnwys blwyddyn gyda 4 rhif`,
    },
    parts: { day: 'diwrnod', month: 'mis', year: 'blwyddyn', and: ' a ' },
    wholeNumber: (label: string) => `${rhaidI(label)} fod yn rhif cyfan`,
    between: (label: string, min: number, max: number) => `${rhaidI(label)} fod rhwng ${min} a ${max}`,
  },
  dateParts: { day: 'Diwrnod', month: 'Mis', year: 'Blwyddyn' },
  save: {
    title: 'Cadw eich atebion a dod yn ôl yn nes ymlaen',
    lead: 'Byddwn yn anfon dolen atoch drwy e-bost i barhau â’ch cais. Mae’r ddolen yn gweithio unwaith.',
    emailLabel: 'Cyfeiriad e-bost',
    emailHint: 'Byddwn ond yn defnyddio hwn i anfon y ddolen atoch',
    emailRequired: 'eich cyfeiriad e-bost',
    tooMany: 'Rydych wedi gofyn am ormod o ddolenni. Defnyddiwch y ddolen yn yr e-bost mwyaf diweddar a anfonwyd atoch',
    button: 'Anfon y ddolen',
    sentTitle: 'Rydym wedi anfon dolen atoch',
    sentBody: (expires: string) => `Gwiriwch eich e-bost. Mae’r ddolen yn gadael i chi barhau â’ch cais tan ${expires}. Mae’n gweithio unwaith.`,
    sentNoEmail: 'Os na fyddwch yn cael e-bost o fewn 10 munud, gwiriwch eich ffolder sbam.',
    emailSubject: 'Parhau â’ch cais',
    emailBody: (link: string, expires: string) =>
      `Fe wnaethoch gadw eich cais er mwyn i chi allu dod yn ôl ato yn nes ymlaen.\n\nParhau â’ch cais:\n${link}\n\nMae’r ddolen yn gweithio unwaith ac yn dod i ben ar ${expires}. Os na wnaethoch ofyn am hyn, gallwch anwybyddu’r e-bost hwn.`,
  },
  resume: {
    title: 'Parhau â’ch cais',
    body: 'Mae eich atebion wedi’u cadw. Parhewch o’r man lle gwnaethoch adael.',
    button: 'Parhau â’ch cais',
    expiredTitle: 'Mae’r ddolen hon wedi dod i ben neu wedi’i defnyddio’n barod',
    expiredBody: 'Mae pob dolen yn gweithio unwaith. Os gwnaethoch gadw eich atebion eto, defnyddiwch y ddolen yn yr e-bost mwyaf diweddar. Fel arall, bydd angen i chi ddechrau eto.',
    startAgain: 'Dechrau eto',
  },
  timeout: {
    dialogTitle: 'Rydych ar fin cael eich allgofnodi',
    dialogBody: 'Er eich diogelwch, byddwn yn cau’r dudalen hon ymhen 2 funud os na fyddwch yn gwneud unrhyw beth. Mae eich atebion hyd yma wedi’u cadw.',
    extend: 'Aros ar y dudalen hon',
    endedTitle: 'Mae eich sesiwn wedi dod i ben',
    endedBody: 'Nid ydych wedi defnyddio’r gwasanaeth hwn ers tro, felly rydym wedi cau eich sesiwn i ddiogelu eich gwybodaeth. Mae eich atebion wedi’u cadw.',
    resume: 'Parhau â’ch cais',
  },
  feedback: {
    title: 'Rhoi adborth am y gwasanaeth hwn',
    question: 'Yn gyffredinol, sut oeddech chi’n teimlo am y gwasanaeth a gawsoch heddiw?',
    levels: {
      5: 'Bodlon iawn',
      4: 'Bodlon',
      3: 'Ddim yn fodlon nac yn anfodlon',
      2: 'Anfodlon',
      1: 'Anfodlon iawn',
    },
    commentLabel: 'Sut gallem wella’r gwasanaeth hwn? (dewisol)',
    commentHint: 'Peidiwch â chynnwys gwybodaeth bersonol neu ariannol, fel eich rhif Yswiriant Gwladol neu fanylion eich cerdyn credyd.',
    commentTooLong: 'Rhaid i’ch sylwadau fod yn 1200 nod neu lai',
    required: 'Dewiswch sut oeddech chi’n teimlo am y gwasanaeth',
    button: 'Anfon adborth',
    link: 'Beth oeddech chi’n ei feddwl o’r gwasanaeth hwn?',
    linkAfter: ' (mae’n cymryd 30 eiliad)',
    thanksTitle: 'Diolch am eich adborth',
    thanksBody: 'Byddwn yn ei ddefnyddio i wella’r gwasanaeth.',
  },
}

/** "Rhaid i" and a field name: "i" softens the name ("Rhaid i ddyddiad…"); "i eich" is written "i’ch", and "i y" or "i yr" "i’r". */
function rhaidI(label: string): string {
  const name = softMutation(label)
  const joined = /^(eich|yr|y) (.*)$/s.exec(name)
  if (!joined) return `Rhaid i ${name}`
  return joined[1] === 'eich' ? `Rhaid i’ch ${joined[2]}` : `Rhaid i’r ${joined[2]}`
}
