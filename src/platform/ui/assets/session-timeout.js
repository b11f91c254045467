/* global fetch, HTMLElement */
// The session timeout warning (WCAG 2.2.1): two minutes before the session
// ends, a dialog offers to extend it. Staying extends the session on the
// server; doing nothing goes to the "session ended" page, where the saved
// answers can be resumed. Without JavaScript none of this runs, and nothing
// is lost: every valid page is already saved.
const root = document.querySelector('[data-module="jd-session-timeout"]')

if (root) {
  const dialog = root.querySelector('dialog')
  const extendButton = root.querySelector('[data-extend]')
  const timeoutMs = Number(root.getAttribute('data-timeout-seconds')) * 1000
  const warningMs = Number(root.getAttribute('data-warning-seconds')) * 1000
  const extendUrl = root.getAttribute('data-extend-url')
  const endedUrl = root.getAttribute('data-ended-url')
  const csrf = root.getAttribute('data-csrf')
  let warnTimer
  let endTimer
  let returnFocus

  const schedule = (ms) => {
    clearTimeout(warnTimer)
    clearTimeout(endTimer)
    warnTimer = setTimeout(warn, Math.max(0, ms - warningMs))
    endTimer = setTimeout(() => window.location.assign(endedUrl), ms)
  }

  const warn = () => {
    if (!dialog || dialog.open) return
    returnFocus = document.activeElement
    dialog.showModal()
    extendButton?.focus()
  }

  const extend = async () => {
    try {
      const response = await fetch(extendUrl, {
        method: 'POST',
        headers: { 'x-csrf-token': csrf, accept: 'application/json' },
        credentials: 'same-origin',
      })
      if (response.status === 409) {
        window.location.assign(endedUrl)
        return
      }
      const body = response.status === 200 ? await response.json() : { seconds: timeoutMs / 1000 }
      schedule(body.seconds * 1000)
    } finally {
      if (dialog?.open) dialog.close()
      if (returnFocus instanceof HTMLElement) returnFocus.focus()
    }
  }

  extendButton?.addEventListener('click', extend)
  // Escape closes a modal dialog; treat it as choosing to stay.
  dialog?.addEventListener('cancel', (event) => {
    event.preventDefault()
    extend()
  })
  schedule(timeoutMs)
}
