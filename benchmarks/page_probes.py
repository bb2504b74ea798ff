"""JavaScript that ui_benchmark.py installs in each page to time taps from inside the browser."""

# Installed once per page. `arm(kind, arg)` starts watching for a condition; the next pointerdown
# is the start, the first DOM change after which the condition holds is the end.
PROBE = r"""
() => {
  if (window.__bench) return;
  const semantics = () => document.querySelectorAll('flt-semantics');
  const shown = node => { const box = node.getBoundingClientRect(); return box.width > 0 && box.height > 0; };
  const text = node => (node.textContent || '').trim();
  // Flutter gives a merged node (the Saved card) its words as aria-label, a plain text node as content.
  const name = node => node.getAttribute('aria-label') || text(node);
  const editEntries = () => [...semantics()].filter(
    node => node.getAttribute('role') === 'button' && text(node).startsWith('Edit the check-in of'));
  const checks = {
    history: () => editEntries().some(shown),
    saved: ([word, before]) => editEntries().length > before &&
      [...semantics()].some(node => name(node).startsWith('Saved: ' + word) && shown(node)),
    tapped: label => [...semantics()].some(node => name(node) === label && shown(node)),
  };
  const bench = window.__bench = {
    start: null, end: null, check: null, observer: null,
    editCount: () => editEntries().length,
    holds: (kind, arg) => checks[kind](arg),
    arm(kind, arg) {
      bench.start = null; bench.end = null;
      bench.check = () => checks[kind](arg);
      if (bench.observer) bench.observer.disconnect();
      bench.observer = new MutationObserver(() => {
        if (bench.start !== null && bench.end === null && bench.check()) {
          bench.end = performance.now();
          bench.observer.disconnect();
        }
      });
      bench.observer.observe(document.body, {subtree: true, childList: true, attributes: true, characterData: true});
    },
  };
  window.addEventListener('pointerdown', () => { if (bench.start === null) bench.start = performance.now(); },
                          {capture: true});
}
"""


# Installed before the app loads: when each WebSocket message leaves and arrives, and its size, to split a
# tap's time into the client handing the tap over, the server answering, and the client drawing the answer.
SOCKET_LOG = r"""
(() => {
  const log = window.__socketLog = [];
  const size = data => typeof data === 'string' ? data.length : (data.byteLength ?? data.size ?? 0);
  const Native = window.WebSocket;
  class Logged extends Native {
    constructor(...args) {
      super(...args);
      this.addEventListener('message', event => log.push(['in', performance.now(), size(event.data)]));
    }
    send(data) {
      log.push(['out', performance.now(), size(data)]);
      return super.send(data);
    }
  }
  window.WebSocket = Logged;
})();
"""


# Installed before a freshly launched app loads (call it with the spoken names of the buttons that mean "ready"):
# switches on Flutter's accessibility tree as soon as its placeholder appears, and notes when every one of those
# buttons is first in the tree with a box, and when the page's WebSocket first sent and last received before that.
LAUNCH_PROBE = r"""
(names) => {
  const launch = window.__launch = {placeholder: null, shown: null};
  const shown = node => { const box = node.getBoundingClientRect(); return box.width > 0 && box.height > 0; };
  const name = node => node.getAttribute('aria-label') || (node.textContent || '').trim();
  const observer = new MutationObserver(() => {
    if (launch.placeholder === null) {
      const placeholder = document.querySelector('flt-semantics-placeholder');
      if (placeholder) {
        placeholder.click();
        launch.placeholder = performance.now();
      }
    }
    const buttons = [...document.querySelectorAll('flt-semantics[role="button"]')];
    if (names.every(wanted => buttons.some(node => name(node) === wanted && shown(node)))) {
      launch.shown = performance.now();
      observer.disconnect();
    }
  });
  observer.observe(document, {subtree: true, childList: true, attributes: true, characterData: true});
}
"""

# When the page began, in ms since the epoch (the clock Python's time.time() reads), and the launch marks.
LAUNCH_TIMING = r"""
() => {
  const {placeholder, shown} = window.__launch;
  const log = window.__socketLog.filter(([, at]) => shown === null || at <= shown);
  const sent = log.find(([way]) => way === 'out');
  const received = log.filter(([way]) => way === 'in');
  return {origin: performance.timeOrigin, placeholder, shown, first_sent: sent ? sent[1] : null,
          last_received: received.length ? received[received.length - 1][1] : null,
          kb_in: received.reduce((total, [, , size]) => total + size, 0) / 1024};
}
"""
