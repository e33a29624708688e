/* piccolo_theme: the header's version menu and the outdated-version notice.
   Added only to sites with a version source (piccolo_theme/versions.py): a
   switcher JSON (pydata-sphinx-theme's format) and/or Read the Docs Addons.
   Deferred; the JSON is fetched once the page has loaded. Every name is
   written as text, and only http(s) URLs (absolute or relative) become links. */
(function () {
  "use strict";

  var box = document.querySelector(".pt-versions");
  if (!box) return;
  var root = document.documentElement;
  var button = box.querySelector(".pt-versions__button");
  var panel = box.querySelector(".pt-versions__panel");
  var notice = document.getElementById("pt-version-notice");
  var siteRoot = new URL(root.getAttribute("data-content_root") || "./", location.href);
  /* This page's path below its version's root, the same in every version. */
  var page = location.pathname.indexOf(siteRoot.pathname) === 0 ? location.pathname.slice(siteRoot.pathname.length) : "";
  var jsonOption = box.getAttribute("data-json-url");
  var match = box.getAttribute("data-version-match");
  /* json: entries, or null while loading; false once it failed (or is not configured). */
  var state = { json: jsonOption ? null : false, addons: null };
  var css = null;

  function warn(message) {
    console.warn("piccolo_theme: " + message);
  }

  function httpUrl(value, base) {
    if (typeof value !== "string" || !value) return null;
    var url;
    try {
      url = new URL(value, base);
    } catch (e) {
      return null;
    }
    return url.protocol === "http:" || url.protocol === "https:" ? url : null;
  }

  /* A version's root as a folder: ".../v1" and ".../v1/index.html" give ".../v1/". */
  function folder(url) {
    var copy = new URL(url.href);
    copy.hash = copy.search = "";
    if (!/\/$/.test(copy.pathname)) {
      copy.pathname = /\.[a-z0-9]+$/i.test(copy.pathname) ? copy.pathname.replace(/[^/]*$/, "") : copy.pathname + "/";
    }
    return copy;
  }

  function isDevelopment(entry) {
    /* A pull request's build (Read the Docs' "external" versions) is one too. */
    return entry.key === "latest" || /dev/i.test(entry.key) || /dev/i.test(entry.name) || entry.external === true;
  }

  /* -- the sources, each turned into {versions, current, preferred, ...} -- */

  function fromJson(data, url) {
    if (!Array.isArray(data)) {
      warn(url + " is not a list of versions; no version menu");
      return false;
    }
    var versions = [];
    var skipped = 0;
    data.forEach(function (item) {
      var link = item && httpUrl(item.url, url);
      var key = item && (typeof item.version === "string" || typeof item.version === "number") ? String(item.version) : "";
      if (!link || !key) {
        skipped++;
        return;
      }
      var name = typeof item.name === "string" && item.name ? item.name : key;
      versions.push({ key: key, name: name, url: link, preferred: item.preferred === true });
    });
    if (skipped) warn(skipped + " entries of " + url + " have no usable version and http(s) url; skipped");
    var current = versions.filter(function (v) { return v.key === match; })[0];
    if (!current) {
      warn("no entry of " + url + ' has the version "' + match + '" (version_match); no version menu');
      return false;
    }
    return {
      versions: versions,
      current: current,
      preferred: versions.filter(function (v) { return v.preferred; })[0] || null
    };
  }

  function fromAddons(data) {
    var versions = data.versions || {};
    var projects = data.projects || {};
    var addons = data.addons || {};
    var list = (versions.active || []).slice();
    var now = versions.current;
    if (now && !list.some(function (v) { return v.slug === now.slug; })) list.unshift(now);
    function entry(v) {
      var url = v && v.urls && httpUrl(v.urls.documentation, location.href);
      return url && typeof v.slug === "string" ? { key: v.slug, name: v.slug, url: url, external: v.type === "external" } : null;
    }
    var entries = list.map(entry).filter(Boolean);
    var current = now && entries.filter(function (v) { return v.key === now.slug; })[0];
    var project = projects.current || {};
    var preferredKey = entries.some(function (v) { return v.key === "stable"; }) ? "stable" : project.default_version;
    var languages = (projects.translations || []).concat(project.slug ? [project] : []).map(function (p) {
      var url = p && p.urls && httpUrl(p.urls.documentation, location.href);
      var language = (p && p.language) || {};
      return url ? { key: p.slug, name: String(language.name || language.code || p.slug), url: url } : null;
    }).filter(Boolean).sort(function (a, b) { return a.name.localeCompare(b.name); });
    var names = { pdf: "PDF", epub: "EPUB", htmlzip: "HTML (zip)" };
    var downloads = [];
    var files = (now && now.downloads) || {};
    Object.keys(files).forEach(function (kind) {
      var url = httpUrl(files[kind], location.href);
      if (url) downloads.push({ key: kind, name: names[kind] || kind, url: url });
    });
    var notifications = addons.notifications || {};
    return {
      versions: entries,
      current: current || null,
      preferred: entries.filter(function (v) { return v.key === preferredKey; })[0] || null,
      languages: languages.length > 1 ? languages : [],
      language: project.slug,
      downloads: downloads,
      /* Read the Docs shows its own notice about this version (a pull request's
         build always gets one when its notifications are on). */
      notifies: Boolean((notifications.enabled && (notifications.show_on_latest || notifications.show_on_non_stable ||
        (now && now.type === "external"))) ||
        (addons.non_latest_version_warning && addons.non_latest_version_warning.enabled) ||
        (now && now.type === "external" && addons.external_version_warning && addons.external_version_warning.enabled))
    };
  }

  /* -- rendering -- */

  function loadCss() {
    if (!css) {
      css = new Promise(function (resolve) {
        var link = document.createElement("link");
        link.rel = "stylesheet";
        link.href = box.getAttribute("data-css");
        link.onload = link.onerror = resolve;
        document.head.appendChild(link);
      });
    }
    return css;
  }

  var groups = 0;
  function group(label, items, currentKey, samePage) {
    if (!items.length) return;
    var id = "pt-versions-group-" + ++groups;
    var heading = document.createElement("p");
    heading.className = "pt-versions__heading";
    heading.id = id;
    heading.textContent = label;
    var list = document.createElement("ul");
    list.className = "pt-versions__list";
    list.setAttribute("aria-labelledby", id);
    items.forEach(function (item) {
      var link = document.createElement("a");
      link.className = "pt-versions__link";
      link.href = item.url.href;
      link.textContent = item.name;
      if (samePage) link.setAttribute("data-pt-same-page", "");
      if (item.key === currentKey) link.setAttribute("aria-current", "page");
      var li = document.createElement("li");
      li.appendChild(link);
      list.appendChild(li);
    });
    panel.appendChild(heading);
    panel.appendChild(list);
  }

  /* "... %(version)s ..." with the version as a text node. */
  function sentence(pattern, version) {
    var span = document.createElement("span");
    pattern.split("%(version)s").forEach(function (part, i) {
      if (i) span.appendChild(document.createTextNode(version));
      span.appendChild(document.createTextNode(part));
    });
    return span;
  }

  function showNotice(data, rtdNotifies) {
    if (!notice) return;
    var current = data.current;
    var preferred = data.preferred;
    notice.hidden = true;
    if (!preferred || preferred.key === current.key || rtdNotifies) return;
    var text = notice.querySelector(".pt-banner__text");
    text.textContent = "";
    text.appendChild(sentence(notice.getAttribute(isDevelopment(current) ? "data-dev" : "data-old"), current.name));
    text.appendChild(document.createTextNode(" "));
    var link = document.createElement("a");
    link.href = preferred.url.href;
    link.setAttribute("data-pt-same-page", "");
    link.appendChild(sentence(notice.getAttribute("data-link"), preferred.name));
    text.appendChild(link);
    notice.hidden = false;
  }

  function render() {
    var addons = state.addons;
    if (state.json === null) return; /* the JSON, which wins, is still on its way */
    var data = state.json || (addons && addons.current ? addons : null);
    if (!data) return;
    panel.textContent = "";
    groups = 0;
    group(box.getAttribute("data-label-versions"), data.versions, data.current.key, true);
    if (addons) {
      group(box.getAttribute("data-label-languages"), addons.languages, addons.language, true);
      group(box.getAttribute("data-label-downloads"), addons.downloads, null, false);
    }
    box.querySelector(".pt-versions__current").textContent = data.current.name;
    /* On narrow screens the button shows the shorter version key ("2.0" for "2.0 (stable)"). */
    box.querySelector(".pt-versions__short").textContent = data.current.key;
    loadCss().then(function () {
      box.hidden = false;
      if (box.hasAttribute("data-hide-flyout")) root.setAttribute("data-pt-hide-flyout", "");
      showNotice(data, Boolean(addons && addons.notifies));
    });
  }

  /* -- going to another version: the same page if it exists there -- */

  function go(link) {
    var base = folder(new URL(link.href));
    var target = new URL(page, base);
    target.hash = location.hash;
    if (target.origin !== location.origin || !window.fetch) {
      location.href = base.href;
      return;
    }
    fetch(target.href, { method: "HEAD", credentials: "same-origin" }).then(function (response) {
      location.href = response.ok ? target.href : base.href;
    }, function () {
      location.href = base.href;
    });
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a[data-pt-same-page]");
    if (!link || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    if (link.getAttribute("aria-current") === "page") close(true);
    else go(link);
  });

  /* -- the disclosure: Escape, a click outside or leaving it closes it -- */

  function isOpen() {
    return !panel.hidden;
  }
  function open() {
    panel.hidden = false;
    button.setAttribute("aria-expanded", "true");
  }
  function close(returnFocus) {
    if (!isOpen()) return;
    panel.hidden = true;
    button.setAttribute("aria-expanded", "false");
    if (returnFocus) button.focus();
  }
  function links() {
    return Array.prototype.slice.call(panel.querySelectorAll("a"));
  }
  function move(event) {
    var all = links();
    if (!all.length) return;
    var at = all.indexOf(document.activeElement);
    var next = null;
    if (event.key === "ArrowDown") next = at < 0 ? panel.querySelector('[aria-current="page"]') || all[0] : all[(at + 1) % all.length];
    else if (event.key === "ArrowUp") next = at < 0 ? all[all.length - 1] : all[(at - 1 + all.length) % all.length];
    else if (event.key === "Home") next = all[0];
    else if (event.key === "End") next = all[all.length - 1];
    if (!next) return;
    event.preventDefault();
    open();
    next.focus();
  }

  button.addEventListener("click", function () {
    if (isOpen()) close(false);
    else open();
  });
  box.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && isOpen()) {
      event.preventDefault();
      close(true);
    } else if (event.target === button ? event.key === "ArrowDown" || event.key === "ArrowUp" : isOpen()) {
      move(event);
    }
  });
  document.addEventListener("click", function (event) {
    if (isOpen() && !box.contains(event.target)) close(false);
  });
  box.addEventListener("focusout", function (event) {
    if (isOpen() && event.relatedTarget && !box.contains(event.relatedTarget)) close(false);
  });

  /* -- the sources -- */

  if (jsonOption) {
    var jsonUrl = httpUrl(jsonOption, siteRoot);
    var load = function () {
      loadCss(); /* meanwhile: it is needed as soon as the data is */
      fetch(jsonUrl.href, { credentials: "same-origin" }).then(function (response) {
        if (!response.ok) throw new Error("HTTP " + response.status);
        return response.text();
      }).then(function (text) {
        var data;
        try {
          data = JSON.parse(text);
        } catch (e) {
          warn(jsonUrl.href + " is not valid JSON; no version menu");
          data = undefined;
        }
        state.json = data === undefined ? false : fromJson(data, jsonUrl.href);
        render();
      }, function (error) {
        warn("could not load " + jsonUrl.href + " (" + error.message + "); no version menu");
        state.json = false;
        render();
      });
    };
    if (!jsonUrl) state.json = false;
    else if (document.readyState === "complete") load();
    else window.addEventListener("load", load);
  }

  if (box.hasAttribute("data-addons")) {
    var fromEvent = function (detail) {
      var data;
      loadCss();
      try {
        data = detail && typeof detail.data === "function" ? detail.data() : null;
        state.addons = data ? fromAddons(data) : null;
      } catch (e) {
        warn("unexpected Read the Docs Addons data (" + e + ")");
        return;
      }
      render();
    };
    document.addEventListener("readthedocs-addons-data-ready", function (event) {
      fromEvent(event.detail);
    });
    /* Addons may have sent its data before this deferred script ran. */
    if (window.ReadTheDocsEventData) fromEvent(window.ReadTheDocsEventData);
  }
})();
