/** The emails the staff side sends: invitations (set-up links) and password resets. */
import type { MessageType } from '../notify/index.js'

export const messageTypes: MessageType[] = [
  {
    type: 'staff-set-up-link',
    channels: ['email'],
    personalisation: ['name', 'link', 'expires'],
    render: (lang, p) =>
      lang === 'cy'
        ? {
            subject: 'Sefydlu eich cyfrif staff Cyfiawnder Digidol',
            body: `Helo ${p.name},\n\nDefnyddiwch y ddolen hon i ddewis cyfrinair a chysylltu ap dilysu:\n\n${p.link}\n\nMae’r ddolen yn gweithio unwaith, tan ${p.expires}. Os nad oeddech yn disgwyl yr e-bost hwn, anwybyddwch ef.`,
          }
        : {
            subject: 'Set up your Justice Digital staff account',
            body: `Hello ${p.name},\n\nUse this link to choose a password and connect an authenticator app:\n\n${p.link}\n\nThe link works once, until ${p.expires}. If you were not expecting this email, ignore it.`,
          },
  },
  {
    type: 'staff-password-reset',
    channels: ['email'],
    personalisation: ['link', 'expires'],
    render: (lang, p) =>
      lang === 'cy'
        ? {
            subject: 'Ailosod eich cyfrinair staff Cyfiawnder Digidol',
            body: `Defnyddiwch y ddolen hon i ddewis cyfrinair newydd:\n\n${p.link}\n\nMae’r ddolen yn gweithio unwaith, tan ${p.expires}. Os na wnaethoch ofyn am hyn, anwybyddwch yr e-bost hwn: nid yw eich cyfrinair wedi newid.`,
          }
        : {
            subject: 'Reset your Justice Digital staff password',
            body: `Use this link to choose a new password:\n\n${p.link}\n\nThe link works once, until ${p.expires}. If you did not ask for this, ignore this email: your password has not changed.`,
          },
  },
]
