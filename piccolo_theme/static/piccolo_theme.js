/* piccolo_theme: small enhancements to a page that already works without them.
   Deferred, so the document is parsed when this runs. */
(function () {
  "use strict";

  /* A copy of piccolo_theme/facts.py: tests/test_stylesheet.py pins it. */
  var MODES = ["auto", "light", "dark", "darkest"];
  var MODE_KEY = "piccolo-mode";
  var SIDEBAR_KEY = "piccolo-sidebar";
  var SIDEBAR_ATTRIBUTE = "data-sidebar";
  var SIDEBAR_STATES = ["shown", "hidden"];
  var NARROW = "(max-width: 49.99rem)"; /* below NARROW_REM */

  var root = document.documentElement;
  var narrow = window.matchMedia(NARROW);

  function store(key, value) {
    try {
      if (value === null) localStorage.removeItem(key);
      else localStorage.setItem(key, value);
    } catch (e) {
      /* Storage can be disabled; the page still works for this visit. */
    }
  }

  /* An invisible box (styled by css) at the end of the body, observed. */
  function watchMarker(css, callback) {
    var marker = document.createElement("div");
    marker.setAttribute("aria-hidden", "true");
    marker.style.cssText = css;
    document.body.appendChild(marker);
    new IntersectionObserver(function (entries) { callback(entries[0]); }).observe(marker);
  }

  /* Colour mode: cycles auto -> light -> dark -> darkest, remembered. */
  function setUpModeToggle() {
    var button = document.querySelector(".pt-mode-toggle");
    if (!button) return;
    var label = button.querySelector(".pt-mode-toggle__label");
    function show(mode) {
      root.setAttribute("data-mode", mode);
      label.textContent = button.getAttribute("data-label-" + mode);
    }
    var current = root.getAttribute("data-mode");
    show(MODES.indexOf(current) < 0 ? MODES[0] : current);
    button.hidden = false;
    button.addEventListener("click", function () {
      var next = MODES[(MODES.indexOf(root.getAttribute("data-mode")) + 1) % MODES.length];
      show(next);
      store(MODE_KEY, next);
    });
  }

  /* The navigation drawer on narrow screens. Without JavaScript the menu
     link opens the sidebar through CSS :target. */
  function setUpDrawer() {
    var button = document.querySelector(".pt-menu-button");
    var drawer = document.getElementById("pt-sidebar-left");
    if (!button || !drawer) return;
    var backdrop = document.querySelector(".pt-backdrop");
    var close = drawer.querySelector(".pt-sidebar__close");
    button.setAttribute("role", "button");

    function isOpen() {
      return drawer.classList.contains("pt-drawer-open");
    }
    function open() {
      drawer.classList.add("pt-drawer-open");
      button.setAttribute("aria-expanded", "true");
      if (backdrop) backdrop.hidden = false;
      var target = drawer.querySelector('[aria-current="page"]') || drawer.querySelector("a[href]");
      if (target) target.focus();
    }
    function shut(returnFocus) {
      if (!isOpen()) return;
      drawer.classList.remove("pt-drawer-open");
      button.setAttribute("aria-expanded", "false");
      if (backdrop) backdrop.hidden = true;
      if (returnFocus) button.focus();
    }
    button.addEventListener("click", function (event) {
      event.preventDefault();
      if (isOpen()) shut(true);
      else open();
    });
    if (close) {
      close.setAttribute("role", "button");
      close.addEventListener("click", function (event) {
        event.preventDefault();
        shut(true);
      });
    }
    if (backdrop) backdrop.addEventListener("click", function () { shut(true); });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && isOpen()) shut(true);
    });
    /* Tabbing out of the open drawer closes it, so focus is never hidden behind it. */
    drawer.addEventListener("focusout", function (event) {
      if (isOpen() && narrow.matches && event.relatedTarget && !drawer.contains(event.relatedTarget) &&
          event.relatedTarget !== button) {
        shut(false);
      }
    });
    narrow.addEventListener("change", function () { shut(false); });
  }

  /* The left sidebar's toggle (wide screens); the head script set the state. */
  function setUpSidebarToggle() {
    var button = document.querySelector(".pt-sidebar-toggle");
    function set(hide) {
      root.setAttribute(SIDEBAR_ATTRIBUTE, SIDEBAR_STATES[+hide]);
      button.setAttribute("aria-expanded", !hide);
      return hide;
    }
    if (!button) return;
    var hidden = set(root.getAttribute(SIDEBAR_ATTRIBUTE) == SIDEBAR_STATES[1]);
    button.addEventListener("click", function () {
      store(SIDEBAR_KEY, (hidden = set(!hidden)) ? SIDEBAR_STATES[1] : null);
    });
  }

  /* Search: on narrow screens the icon opens the header's search field;
     "/" and Ctrl/Cmd+K focus it anywhere (if the field has aria-keyshortcuts). */
  function setUpSearch() {
    var header = document.querySelector(".pt-header");
    var toggle = document.querySelector(".pt-search-toggle");
    var input = document.getElementById("pt-search-input");
    var box = document.getElementById("pt-search");
    if (!header || !input) return;
    /* First focus: load search as you type (script and index at once), or open Read the Docs' search. */
    var script = box.getAttribute("data-script");
    var rtd = box.getAttribute("data-provider") === "readthedocs";
    input.addEventListener("focus", function () {
      if (rtd) document.dispatchEvent(new CustomEvent("readthedocs-search-show"));
      else if (script) {
        (box.ptIndex = fetch(root.getAttribute("data-content_root") + "searchindex.js")).catch(Boolean);
        document.head.appendChild(document.createElement("script")).src = script;
      }
      script = null;
    });
    function open() {
      header.classList.add("pt-search-open");
      if (toggle) toggle.setAttribute("aria-expanded", "true");
      input.focus();
    }
    function shut() {
      header.classList.remove("pt-search-open");
      if (toggle) toggle.setAttribute("aria-expanded", "false");
    }
    if (toggle) {
      toggle.setAttribute("role", "button");
      toggle.addEventListener("click", function (event) {
        event.preventDefault();
        open();
      });
    }
    input.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && header.classList.contains("pt-search-open")) {
        shut();
        if (toggle) toggle.focus();
      }
    });
    input.addEventListener("blur", function () {
      if (!input.value) shut();
    });
    if (!input.hasAttribute("aria-keyshortcuts")) return;
    document.addEventListener("keydown", function (event) {
      var target = event.target;
      var command = event.ctrlKey || event.metaKey;
      var k = command && !event.altKey && !event.shiftKey && /^k$/i.test(event.key);
      if (!k && (event.key !== "/" || command || event.altKey || target.isContentEditable ||
                 /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
      event.preventDefault();
      event.stopImmediatePropagation();
      if (narrow.matches) open();
      else input.focus();
    }, true);
  }

  /* Page contents: highlight the section being read. Observers, not a
     scroll handler: no layout is read while scrolling. */
  function setUpPageContents() {
    var links = Array.prototype.slice.call(document.querySelectorAll(".pt-toc a[href^='#']"));
    if (!links.length || !("IntersectionObserver" in window)) return;
    var sections = [];
    links.forEach(function (link) {
      var id = decodeURIComponent(link.getAttribute("href").slice(1));
      var target = id && document.getElementById(id);
      if (target) sections.push({ link: link, target: target, passed: false });
    });
    if (!sections.length) return;
    var atBottom = false;
    var active = null;
    function refresh() {
      /* The section being read is the last one whose heading has passed the
         line; above the first heading, the first section. */
      var chosen = sections[0];
      if (atBottom) chosen = sections[sections.length - 1];
      else {
        for (var i = 0; i < sections.length; i++) {
          if (sections[i].passed) chosen = sections[i];
        }
      }
      if (chosen === active) return;
      if (active) {
        active.link.classList.remove("pt-toc--active");
        active.link.removeAttribute("aria-current");
      }
      active = chosen;
      active.link.classList.add("pt-toc--active");
      active.link.setAttribute("aria-current", "location");
    }
    /* The line sits just below where a link to a section puts its heading
       (the root's scroll padding, below the header). The observed zone runs
       from far above the page down to the line, so a heading has passed the
       line exactly when it intersects the zone (a jump from one end of the
       page to the other included). */
    var header = document.querySelector(".pt-header");
    var observer = null;
    function observe() {
      if (observer) observer.disconnect();
      var style = getComputedStyle(root);
      var rem = parseFloat(style.fontSize) || 16;
      var padding = parseFloat(style.scrollPaddingTop) || 0;
      var line = Math.max(header ? header.offsetHeight : 0, padding) + rem;
      observer = new IntersectionObserver(function (entries) {
        entries.forEach(function (entry) {
          for (var i = 0; i < sections.length; i++) {
            if (sections[i].heading === entry.target) sections[i].passed = entry.isIntersecting;
          }
        });
        refresh();
      }, { rootMargin: "100000px 0px " + Math.round(line - window.innerHeight) + "px 0px" });
      sections.forEach(function (section) { observer.observe(section.heading); });
    }
    sections.forEach(function (section) {
      /* Observe the heading: a section element contains its subsections. */
      section.heading = section.target.querySelector("h1, h2, h3, h4, h5, h6") || section.target;
    });
    observe();
    var resizing = false;
    window.addEventListener("resize", function () {
      if (resizing) return;
      resizing = true;
      window.requestAnimationFrame(function () { resizing = false; observe(); });
    });
    /* Scrolled to the very end of the page, the last section is active even
       if its heading cannot reach the line. */
    watchMarker("height:1px", function (entry) {
      atBottom = entry.isIntersecting && window.scrollY > 0;
      refresh();
    });
  }

  /* Back to top: appears once the first screen has scrolled away. */
  function setUpBackToTop() {
    var button = document.querySelector(".pt-back-to-top");
    if (!button || !("IntersectionObserver" in window)) return;
    watchMarker("position:absolute;top:0;left:0;width:1px;height:150vh;pointer-events:none", function (entry) {
      button.hidden = entry.isIntersecting;
    });
    button.addEventListener("click", function (event) {
      event.preventDefault();
      window.scrollTo({ top: 0 });
      var target = document.querySelector(".pt-skip-link");
      if (target) target.focus({ preventScroll: true });
    });
  }

  /* Show the current page in a long navigation tree (one layout read, at load). */
  function revealCurrentPage() {
    var sidebar = document.getElementById("pt-sidebar-left");
    var current = sidebar && sidebar.querySelector('[aria-current="page"]');
    if (!current) return;
    var box = sidebar.getBoundingClientRect();
    var item = current.getBoundingClientRect();
    /* Until the banner scrolls away the sidebar's end is below the window. */
    var top = Math.max(box.top, 0);
    var bottom = Math.min(box.bottom, window.innerHeight);
    if (item.top < top || item.bottom > bottom) {
      sidebar.scrollTop += item.top - top - (bottom - top) / 3;
    }
  }

  /* Boxes that scroll sideways must be reachable by keyboard. */
  function makeScrollersFocusable() {
    var boxes = document.querySelectorAll(".body pre, .pt-table-scroll, .body .math, table.highlighttable, .body .output, .output_area");
    Array.prototype.forEach.call(boxes, function (box) {
      if (box.scrollWidth > box.clientWidth + 1 && !box.hasAttribute("tabindex")) {
        box.setAttribute("tabindex", "0");
      }
    });
  }

  setUpModeToggle();
  setUpDrawer();
  setUpSidebarToggle();
  setUpSearch();
  setUpPageContents();
  setUpBackToTop();
  revealCurrentPage();
  makeScrollersFocusable();
})();
