/* piccolo_theme: the announcement banner's script, loaded only on sites with a
   banner (banner_text). Deferred, before piccolo_theme.js. */
(function () {
  "use strict";

  /* A copy of piccolo_theme/facts.py: tests/test_stylesheet.py pins it. */
  var BANNER_KEY = "piccolo-banner-hidden";

  var root = document.documentElement;

  function store(key, value) {
    try {
      if (value === null) localStorage.removeItem(key);
      else localStorage.setItem(key, value);
    } catch (e) {
      /* Storage can be disabled; the page still works for this visit. */
    }
  }

  /* The banner: "temporary" can be shown again from the header,
     "permanent" stays hidden until the banner text changes. */
  function setUpBanner() {
    var banner = document.getElementById("pt-banner");
    if (!banner) return;
    var hide = banner.querySelector(".pt-banner__hide");
    var reopen = document.querySelector(".pt-banner-show");
    var id = banner.getAttribute("data-banner-id");
    function update() {
      if (reopen) {
        reopen.hidden = !banner.hidden;
        reopen.setAttribute("aria-expanded", String(!banner.hidden));
      }
    }
    hide.hidden = false;
    hide.addEventListener("click", function () {
      banner.hidden = true;
      store(BANNER_KEY, id);
      update();
      if (reopen) reopen.focus();
    });
    if (reopen) {
      reopen.addEventListener("click", function () {
        banner.hidden = false;
        store(BANNER_KEY, null);
        update();
        hide.focus();
      });
    }
    update();
  }

  /* The sticky sidebars sit below the banner until it scrolls away: keep their
     bottom on screen by telling the stylesheet how much of the banner shows.
     An observer with fine thresholds, not a scroll handler. */
  function fitSidebarsBelowBanner() {
    var banner = document.getElementById("pt-banner");
    if (!banner || !("IntersectionObserver" in window)) return;
    function set(height) {
      root.style.setProperty("--pt-banner-visible", Math.max(0, Math.round(height)) + "px");
    }
    set(banner.hidden ? 0 : banner.getBoundingClientRect().bottom);
    var steps = [];
    for (var i = 0; i <= 40; i++) steps.push(i / 40);
    new IntersectionObserver(function (entries) {
      var entry = entries[entries.length - 1];
      set(banner.hidden ? 0 : entry.intersectionRect.height);
    }, { threshold: steps }).observe(banner);
  }

  setUpBanner();
  fitSidebarsBelowBanner();
})();
