// The kiosk's idle watcher, run in the visitor's browser (why it runs there: ui/kiosk/idle.py).
// __CONFIG__, __RESET_KEY__ and __REFRESH_KEY__ are filled in by ui/kiosk/idle.py for each screen.
(() => {
  const cfg = __CONFIG__;
  if (!window.__classroomKiosk) window.__classroomKiosk = makeWatcher();
  window.__classroomKiosk.configure(cfg);

  function makeWatcher() {
    const doc = document;
    let cfg = {idle: 0, warn: 0, result: 0, view: ""};
    let mode = "normal";   // normal | warning | resetting
    let last = Date.now(), deadline = 0, resultEnd = 0, lastPress = 0, offlineSince = 0;
    let wasOffline = false, refreshDue = false;
    let overlay = null, banner = null, returnFocus = null;

    const poke = (event) => {
      if (mode === "warning") {
        if (event.type !== "pointermove" && event.type !== "scroll") stillHere();
        return;
      }
      last = Date.now();
    };
    for (const type of ["pointerdown", "pointermove", "keydown", "wheel", "touchstart", "input", "scroll"]) {
      doc.addEventListener(type, poke, {capture: true, passive: true});
    }
    // A link in a lesson must not take the kiosk away from the app (there is no way back).
    doc.addEventListener("click", (event) => {
      const link = event.target.closest && event.target.closest("a[href]");
      if (link && new URL(link.href, location.href).origin + new URL(link.href, location.href).pathname
          !== location.origin + location.pathname) {
        event.preventDefault();
        event.stopPropagation();
      }
    }, true);
    setInterval(tick, 250);

    function configure(next) {
      const changed = next.view !== cfg.view;
      cfg = next;
      if (!changed) return;
      const wasResetting = mode === "resetting";
      hideWarning();
      mode = "normal";
      last = Date.now();
      resultEnd = cfg.result > 0 ? Date.now() + cfg.result * 1000 : 0;
      toTop();
      if (wasResetting || cfg.view === "attract") {
        if (doc.activeElement && doc.activeElement !== doc.body) doc.activeElement.blur();
        if (location.search) history.replaceState(history.state, "", location.pathname);
      }
      updateResult();
    }

    function tick() {
      const now = Date.now();
      const online = watchConnection(now);
      // Back online, perhaps to a restarted server with a new, empty session: Streamlit does not
      // always draw the page again by itself, so ask for a rerun (the same screen, or the welcome).
      if (online && refreshDue) {
        const refresh = doc.querySelector(".st-key-__REFRESH_KEY__ button");
        if (refresh && !refresh.disabled) {
          refreshDue = false;
          refresh.click();
        }
      }
      // Streamlit's own dialogs are hidden by the kiosk CSS; close them so that they do not hold
      // the keyboard focus. "Page not found" (a typed URL) closes at once; "Connection error"
      // closes by itself when the connection is back.
      const dialog = online && doc.querySelector('[data-testid="stDialog"] button[aria-label="Close"]');
      if (dialog) dialog.click();
      // The browser must not offer one visitor's typed answers to the next one.
      for (const input of doc.querySelectorAll('input:not([autocomplete="off"])')) {
        input.setAttribute("autocomplete", "off");
      }
      if (mode === "resetting") {
        if (now - lastPress > 1500) pressReset();
        return;
      }
      if (cfg.result > 0) {
        updateResult();
        if (now >= resultEnd) startReset();
        return;
      }
      if (cfg.idle <= 0) return;
      if (mode === "normal" && now - last >= cfg.idle * 1000) showWarning(now);
      if (mode === "warning") {
        const left = Math.max(0, Math.ceil((deadline - now) / 1000));
        overlay.querySelector("[data-count]").textContent = String(left);
        if (now >= deadline) startReset();
      }
    }

    function updateResult() {
      const shown = doc.querySelector("[data-kiosk-result-count]");
      if (shown && resultEnd) shown.textContent = String(Math.max(0, Math.ceil((resultEnd - Date.now()) / 1000)));
    }

    function startReset() {
      hideWarning();
      mode = "resetting";
      pressReset();
    }

    function pressReset() {
      lastPress = Date.now();
      const button = doc.querySelector(".st-key-__RESET_KEY__ button");
      if (button && !button.disabled) button.click();
      toTop();
    }

    function toTop() {
      window.scrollTo(0, 0);
      const scrolling = '[data-testid="stMain"], [data-testid="stAppViewContainer"], [data-testid="stApp"]';
      for (const element of doc.querySelectorAll(scrolling)) element.scrollTop = 0;
    }

    function showWarning(now) {
      mode = "warning";
      deadline = now + cfg.warn * 1000;
      if (!overlay) overlay = buildOverlay();
      overlay.querySelector("[data-count]").textContent = String(cfg.warn);
      returnFocus = doc.activeElement;
      const root = doc.getElementById("root");
      if (root) root.inert = true;
      overlay.hidden = false;
      overlay.querySelector("button").focus();
    }

    function hideWarning() {
      if (!overlay || overlay.hidden) return;
      overlay.hidden = true;
      const root = doc.getElementById("root");
      if (root) root.inert = false;
      if (returnFocus && returnFocus.isConnected && mode !== "resetting") returnFocus.focus();
      returnFocus = null;
    }

    function stillHere() {
      hideWarning();
      mode = "normal";
      last = Date.now();
    }

    function make(tag, parent, props) {
      const element = Object.assign(doc.createElement(tag), props);
      parent.appendChild(element);
      return element;
    }

    function buildOverlay() {
      const box = doc.createElement("div");
      box.id = "kiosk-idle";
      box.hidden = true;
      box.setAttribute("role", "alertdialog");
      box.setAttribute("aria-modal", "true");
      box.setAttribute("aria-labelledby", "kiosk-idle-title");
      box.setAttribute("aria-describedby", "kiosk-idle-text");
      // Built with DOM calls: markup inside the script's text would make DOMPurify drop the script.
      const panel = make("div", box, {className: "kiosk-idle-panel"});
      make("h2", panel, {id: "kiosk-idle-title", textContent: "Are you still there?"});
      const text = make("p", panel, {id: "kiosk-idle-text"});
      text.append("This screen starts over in ");
      make("strong", text, {}).setAttribute("data-count", "");
      text.append(" seconds.");
      make("button", panel, {type: "button", textContent: "I\u2019m still here"});
      box.querySelector("button").addEventListener("click", stillHere);
      const style = doc.createElement("style");
      style.textContent =
        '#kiosk-idle{position:fixed;inset:0;z-index:100000;display:flex;align-items:center;' +
        'justify-content:center;background:rgba(0,0,0,.6);font-family:inherit}' +
        '#kiosk-idle[hidden]{display:none}' +
        '#kiosk-idle .kiosk-idle-panel{background:#fff;color:#111;border-radius:24px;padding:48px 64px;' +
        'text-align:center;max-width:min(90vw,760px);box-shadow:0 10px 40px rgba(0,0,0,.4)}' +
        '#kiosk-idle h2{font-size:44px;margin:0 0 16px;color:#111}' +
        '#kiosk-idle p{font-size:30px;margin:0 0 32px;color:#111}' +
        '#kiosk-idle strong{font-size:40px}' +
        '#kiosk-idle button{font-size:32px;font-weight:700;min-height:88px;min-width:360px;padding:16px 40px;' +
        'border:0;border-radius:16px;background:#b3261e;color:#fff;cursor:pointer}' +
        '#kiosk-idle button:focus-visible{outline:4px solid #111;outline-offset:4px}' +
        '#kiosk-offline{position:fixed;left:50%;bottom:24px;transform:translateX(-50%);z-index:99999;' +
        'background:#111;color:#fff;font-size:24px;padding:16px 32px;border-radius:12px}' +
        '#kiosk-offline[hidden]{display:none}';
      doc.head.appendChild(style);
      const app = doc.querySelector('[data-testid="stApp"]');
      if (app) box.style.fontFamily = getComputedStyle(app).fontFamily;
      doc.body.appendChild(box);
      return box;
    }

    // A dropped connection: say so kindly while Streamlit reconnects by itself.
    function watchConnection(now) {
      const app = doc.querySelector('[data-testid="stApp"]');
      const state = app && app.dataset.testConnectionState;
      if (!state || state === "CONNECTED") {
        offlineSince = 0;
        if (banner) banner.hidden = true;
        if (wasOffline) refreshDue = true;
        wasOffline = false;
        return true;
      }
      wasOffline = true;
      if (!offlineSince) offlineSince = now;
      if (now - offlineSince < 1500) return false;
      if (!banner) {
        if (!overlay) overlay = buildOverlay();
        banner = doc.createElement("div");
        banner.id = "kiosk-offline";
        banner.setAttribute("role", "status");
        banner.textContent = "Reconnecting… this screen will be back in a moment.";
        doc.body.appendChild(banner);
      }
      banner.hidden = false;
      return false;
    }

    return {configure, state: () => ({mode, view: cfg.view})};
  }
})();
