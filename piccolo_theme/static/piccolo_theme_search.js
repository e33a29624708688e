/* piccolo_theme: search as you type, from Sphinx's own searchindex.js.
   piccolo_theme.js loads this file on the first focus of the header search
   box; it then fetches the index and the language's stemmer and stop words
   (_static/language_data.js). The engine needs no DOM: the tests run it under
   node against the index each Sphinx version writes. */
(function (global) {
  "use strict";

  var PREFIX = "Search.setIndex(";
  // Results shown per group before the other groups get a turn, and in all.
  var GROUP_CAP = 5;
  var LIMIT = 10;

  /* searchindex.js is JSON inside Search.setIndex(...): parsed as JSON, not
     run as a script, it needs no global and is parsed faster. */
  function parseIndex(text) {
    var start = text.indexOf(PREFIX);
    var end = text.lastIndexOf(")");
    if (start < 0 || end < start) throw new Error("not a Sphinx search index");
    return JSON.parse(text.slice(start + PREFIX.length, end));
  }

  // Object names are HTML-escaped in the index.
  function unescape(text) {
    return text.indexOf("&") < 0 ? text : text
      .replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"')
      .replace(/&#x27;|&#39;/g, "'").replace(/&amp;/g, "&");
  }

  function defaultSplit(query) {
    return query.split(/[^\p{Letter}\p{Number}_\p{Emoji_Presentation}]+/u).filter(Boolean);
  }

  function lowerBound(keys, prefix) {
    var lo = 0, hi = keys.length;
    while (lo < hi) {
      var mid = (lo + hi) >> 1;
      if (keys[mid] < prefix) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  function asList(files) {
    return typeof files === "number" ? [files] : files || [];
  }

  /* The index, flattened so that each keystroke is a few linear scans over
     short strings and binary searches over the sorted term lists. Each table
     is built on first use (or when the page is idle), not when the index
     arrives: that work would delay "ready" by tens of milliseconds on a large
     site. language: {stemmer, stopwords, split} from language_data.js. */
  function Engine(index, language) {
    language = language || {};
    var stopwords = language.stopwords || [];
    this.stopwords = stopwords instanceof Set ? stopwords : new Set(stopwords);
    this.stemmer = language.stemmer || { stemWord: function (w) { return w; } };
    this.split = language.split || defaultSplit;
    this.index = index;
    this.tables = {};
    this.docnames = index.docnames;
    this.titles = index.titles;
    this.terms = index.terms || {};
    this.titleterms = index.titleterms || {};
  }

  var TABLES = {
    objects: function (index) {
      var objnames = index.objnames || {};
      var objects = [];
      Object.keys(index.objects || {}).forEach(function (prefix) {
        index.objects[prefix].forEach(function (o) {
          var full = unescape((prefix ? prefix + "." : "") + o[4]);
          var kind = objnames[o[1]] || ["", "", ""];
          var anchor = o[3] === "" ? full : o[3] === "-" ? kind[1] + "-" + full : o[3];
          objects.push({
            doc: o[0], name: full, full: full.toLowerCase(), last: unescape(o[4]).toLowerCase(),
            type: kind[2], prio: o[2], anchor: anchor,
          });
        });
      });
      return objects;
    },
    alltitles: function (index) {
      var titles = [];
      var alltitles = index.alltitles || {};
      Object.keys(alltitles).forEach(function (title) {
        var lower = title.toLowerCase();
        alltitles[title].forEach(function (t) {
          titles.push({ doc: t[0], title: title, lower: lower, anchor: t[1] || "" });
        });
      });
      return titles;
    },
    entries: function (index) {
      var entries = [];
      var indexentries = index.indexentries || {};
      Object.keys(indexentries).forEach(function (entry) {
        indexentries[entry].forEach(function (e) {
          entries.push({ doc: e[0], lower: entry.toLowerCase(), anchor: e[1] || "", main: !!e[2] });
        });
      });
      return entries;
    },
    termKeys: function (index) { return Object.keys(index.terms || {}).sort(); },
    titleKeys: function (index) { return Object.keys(index.titleterms || {}).sort(); },
  };

  /* A derived table, built the first time it is asked for. */
  Engine.prototype.table = function (name) {
    var tables = this.tables;
    return tables[name] || (tables[name] = TABLES[name](this.index));
  };

  /* Builds the tables one at a time, each when the page is idle, so that the
     first keystroke usually finds them ready; a keystroke before then builds
     what it needs itself. */
  Engine.prototype.prepare = function (later) {
    var self = this;
    var names = Object.keys(TABLES);
    later(function next() {
      self.table(names.shift());
      if (names.length) later(next);
    });
  };

  /* The words of a query: lower case, without stop words and bare numbers,
     each with its stem; the last one may be a prefix still being typed. */
  Engine.prototype.words = function (query) {
    var self = this;
    var words = [];
    self.split(query.toLowerCase()).forEach(function (word) {
      if (self.stopwords.has(word) || /^\d+$/.test(word)) return;
      words.push({ word: word, stem: self.stemmer.stemWord(word) });
    });
    if (words.length && !/\s$/.test(query)) words[words.length - 1].partial = true;
    return words;
  };

  /* The best results of one group, kept in order as they come: a reader sees
     ten, and sorting thousands of matches per keystroke would cost more than
     finding them. */
  function Best(size) {
    this.size = size;
    this.items = [];
  }
  function better(a, b) {
    return a.score > b.score || (a.score === b.score && a.title < b.title);
  }
  Best.prototype.wants = function (score) {
    var items = this.items;
    return items.length < this.size || score >= items[items.length - 1].score;
  };
  Best.prototype.add = function (r) {
    var items = this.items;
    if (items.length >= this.size && !better(r, items[items.length - 1])) return;
    var i = items.length;
    while (i > 0 && better(r, items[i - 1])) i--;
    items.splice(i, 0, r);
    if (items.length > this.size) items.pop();
  };

  Engine.prototype.searchObjects = function (tokens, best) {
    var titles = this.titles;
    var objects = this.table("objects");
    for (var i = 0; i < objects.length; i++) {
      var o = objects[i];
      var score = 0, used = -1;
      for (var j = 0; j < tokens.length; j++) {
        var t = tokens[j];
        var at = o.full.indexOf(t);
        if (at < 0) continue;
        var s;
        if (o.full === t) s = 100;
        else if (at + t.length === o.full.length && o.full.charAt(at - 1) === ".") s = 90;
        else if (o.last === t) s = 80;
        else if (o.last.lastIndexOf(t, 0) === 0) s = 60 + (10 * t.length) / o.last.length;
        else s = 30 + (10 * t.length) / o.full.length;
        if (s > score) { score = s; used = j; }
      }
      if (!score) continue;
      // Every other word must name the object's type, module or page.
      if (tokens.length > 1) {
        var haystack = (o.full + " " + o.type + " " + titles[o.doc]).toLowerCase();
        var missing = false;
        for (var k = 0; k < tokens.length && !missing; k++) {
          if (k !== used && haystack.indexOf(tokens[k]) < 0) missing = true;
        }
        if (missing) continue;
      }
      score += o.prio === 0 ? 5 : o.prio === 1 ? 2 : o.prio === 2 ? -5 : 0;
      if (best.wants(score)) {
        best.add({ kind: "object", doc: o.doc, anchor: o.anchor, title: o.name, type: o.type, score: score });
      }
    }
  };

  Engine.prototype.searchTitles = function (words, query, best) {
    var titles = this.titles;
    if (words.length) {
      var alltitles = this.table("alltitles");
      for (var i = 0; i < alltitles.length; i++) {
        var t = alltitles[i];
        var matched = 0, ok = true;
        for (var j = 0; j < words.length; j++) {
          var w = words[j].word;
          var at = t.lower.indexOf(w);
          if (at < 0 && words[j].stem.length > 2) {
            // "migrations" finds "Migration": the stem stands in for the word.
            w = words[j].stem;
            at = t.lower.indexOf(w);
          }
          if (at < 0) { ok = false; break; }
          // Inside a word ("se" in "user") counts for less than at its start.
          var start = at === 0 || /\W/.test(t.lower.charAt(at - 1));
          matched += start ? w.length + 1 : w.length / 3;
        }
        if (!ok) continue;
        var isPage = !t.anchor && titles[t.doc] === t.title;
        var score = 40 * Math.min(1, matched / t.lower.length) + (isPage ? 5 : 0) + (t.lower === query ? 20 : 0);
        if (best.wants(score)) best.add({ kind: "title", doc: t.doc, anchor: t.anchor, title: t.title, score: score });
      }
    }
    var entries = this.table("entries");
    for (var e = 0; e < entries.length; e++) {
      var entry = entries[e];
      if (entry.lower.indexOf(query) < 0) continue;
      var points = (30 * query.length) / entry.lower.length + (entry.main ? 5 : 0);
      if (best.wants(points)) {
        best.add({ kind: "index", doc: entry.doc, anchor: entry.anchor, title: titles[entry.doc], entry: entry.lower, score: points });
      }
    }
  };

  // Into scores[doc]: the best score of this word in each document's text or titles.
  Engine.prototype.docsWith = function (w, scores) {
    function add(files, score) {
      if (typeof files === "number") files = [files];
      for (var i = 0; i < files.length; i++) if (scores[files[i]] < score) scores[files[i]] = score;
    }
    var terms = this.terms, titleterms = this.titleterms;
    var has = Object.prototype.hasOwnProperty;
    if (has.call(terms, w.stem)) add(terms[w.stem], 5);
    if (has.call(titleterms, w.stem)) add(titleterms[w.stem], 15);
    if (w.partial && w.word.length > 1) {
      // A word still being typed: every term it begins (the index holds
      // stems, so its stem's too) ...
      var prefixes = w.word.lastIndexOf(w.stem, 0) === 0 ? [w.stem] : [w.word, w.stem];
      for (var p = 0; p < prefixes.length; p++) {
        var prefix = prefixes[p];
        var sets = [[this.table("termKeys"), terms, 2], [this.table("titleKeys"), titleterms, 7]];
        for (var s = 0; s < 2; s++) {
          var keys = sets[s][0];
          for (var i = lowerBound(keys, prefix); i < keys.length && keys[i].lastIndexOf(prefix, 0) === 0; i++) {
            add(sets[s][1][keys[i]], sets[s][2]);
          }
        }
      }
      // ... and the stems it has passed ("runnin" has passed "run").
      for (var k = w.word.length - 1; k >= Math.max(3, w.word.length - 3); k--) {
        var cut = w.word.slice(0, k);
        if (has.call(terms, cut)) add(terms[cut], 1);
        if (has.call(titleterms, cut)) add(titleterms[cut], 3);
      }
    }
  };

  Engine.prototype.searchText = function (words, best) {
    if (!words.length) return;
    var n = this.docnames.length;
    // Typed arrays indexed by document: a word can be in thousands of them.
    if (!this.scratch) this.scratch = [new Float64Array(n), new Float64Array(n), new Uint8Array(n)];
    var word = this.scratch[0], total = this.scratch[1], count = this.scratch[2];
    total.fill(0);
    count.fill(0);
    for (var i = 0; i < words.length; i++) {
      word.fill(0);
      this.docsWith(words[i], word);
      for (var d = 0; d < n; d++) {
        if (word[d] > 0) {
          total[d] += word[d];
          count[d]++;
        }
      }
    }
    for (var doc = 0; doc < n; doc++) {
      if (count[doc] === words.length && best.wants(total[doc])) {
        best.add({ kind: "text", doc: doc, anchor: "", title: this.titles[doc], score: total[doc] });
      }
    }
  };

  /* Results in the order a reader wants them: objects, then page and section
     titles (and index entries), then pages whose text has every word; at most
     GROUP_CAP of a group while others have more, LIMIT in all. */
  Engine.prototype.search = function (query, limit) {
    limit = limit || LIMIT;
    var trimmed = query.trim().toLowerCase();
    if (!trimmed) return [];
    var words = this.words(query);
    // Twice the room: a result found in two groups is shown once.
    var found = [new Best(2 * limit), new Best(2 * limit), new Best(2 * limit)];
    this.searchObjects(trimmed.split(/\s+/), found[0]);
    this.searchTitles(words, trimmed, found[1]);
    this.searchText(words, found[2]);
    var seen = new Set();
    var groups = found.map(function (best) {
      return best.items.filter(function (r) {
        var key = r.doc + "#" + r.anchor;
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      });
    });
    var taken = groups.map(function (g) { return Math.min(g.length, GROUP_CAP); });
    var room = limit - taken[0] - taken[1] - taken[2];
    for (var g = 0; g < 3; g++) {
      var more = Math.max(0, Math.min(room, groups[g].length - taken[g]));
      taken[g] += more;
      room -= more;
    }
    for (var h = 2; room < 0 && h >= 0; h--) {
      var less = Math.min(-room, taken[h] - 1);
      if (less > 0) { taken[h] -= less; room += less; }
    }
    var results = [];
    for (var x = 0; x < 3; x++) results = results.concat(groups[x].slice(0, taken[x]));
    for (var y = 0; y < results.length; y++) {
      results[y].docname = this.docnames[results[y].doc];
      results[y].page = this.titles[results[y].doc];
    }
    return results;
  };

  var api = { parseIndex: parseIndex, Engine: Engine };
  if (typeof module === "object" && module.exports) {
    module.exports = api;
    return;
  }
  global.PiccoloSearch = api;
  if (typeof document !== "undefined") setUpBox(api);

  // ---- the header box -------------------------------------------------------

  function setUpBox() {
    var box = document.getElementById("pt-search");
    var input = document.getElementById("pt-search-input");
    if (!box || !input || box.getAttribute("data-ready")) return;
    box.setAttribute("data-ready", "");
    var form = input.form;
    var root = document.documentElement.getAttribute("data-content_root") || "";
    var script = box.getAttribute("data-script");
    // A global const in recent Sphinx: not a property of window.
    /* global DOCUMENTATION_OPTIONS */
    var options = typeof DOCUMENTATION_OPTIONS === "object" ? DOCUMENTATION_OPTIONS : {};
    var suffix = options.LINK_SUFFIX === undefined ? ".html" : options.LINK_SUFFIX;
    // Asked for first: the index is already on its way and is of no use without
    // the stemmer. The search page has loaded it already.
    var language = global.Stemmer ? Promise.resolve() : loadScript(root + "_static/language_data.js");

    var css = document.createElement("link");
    css.rel = "stylesheet";
    css.href = script.replace(/\.js(\?|$)/, ".css$1");
    document.head.appendChild(css);

    var panel = document.createElement("div");
    panel.className = "pt-search-results";
    panel.hidden = true;
    var list = panel.appendChild(document.createElement("div"));
    list.id = "pt-search-listbox";
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", box.getAttribute("data-label"));
    var status = document.createElement("div");
    status.className = "pt-visually-hidden";
    status.setAttribute("role", "status");
    box.appendChild(panel);
    box.appendChild(status);

    var engine = null;
    var options_ = [];
    var active = -1;
    var rendered = null;

    function combobox(on) {
      if (on) {
        input.setAttribute("role", "combobox");
        input.setAttribute("aria-autocomplete", "list");
        input.setAttribute("aria-controls", list.id);
        input.setAttribute("aria-expanded", "false");
      } else {
        ["role", "aria-autocomplete", "aria-controls", "aria-expanded", "aria-activedescendant"].forEach(function (a) {
          input.removeAttribute(a);
        });
      }
    }

    function url(docname) {
      if (options.BUILDER === "dirhtml") {
        var dir = docname === "index" ? "" : docname.replace(/\/index$/, "") + "/";
        return root + dir;
      }
      return root + docname + suffix;
    }

    function highlight(parent, text, words) {
      if (!words.length) {
        parent.appendChild(document.createTextNode(text));
        return;
      }
      var pattern = new RegExp("(" + words.map(function (w) {
        return w.replace(/[.*+\-?^${}()|[\]\\]/g, "\\$&");
      }).join("|") + ")", "gi");
      text.split(pattern).forEach(function (part, i) {
        if (!part) return;
        if (i % 2) parent.appendChild(document.createElement("mark")).textContent = part;
        else parent.appendChild(document.createTextNode(part));
      });
    }

    function option(href, id) {
      var a = document.createElement("a");
      a.href = href;
      a.id = "pt-search-option-" + id;
      a.className = "pt-search-results__option";
      a.setAttribute("role", "option");
      a.setAttribute("aria-selected", "false");
      a.tabIndex = -1;
      return a;
    }

    function choose(index) {
      if (active >= 0 && options_[active]) options_[active].setAttribute("aria-selected", "false");
      active = index;
      if (index < 0) {
        input.removeAttribute("aria-activedescendant");
        return;
      }
      var chosen = options_[index];
      chosen.setAttribute("aria-selected", "true");
      input.setAttribute("aria-activedescendant", chosen.id);
      chosen.scrollIntoView({ block: "nearest" });
    }

    function open(on) {
      panel.hidden = !on;
      input.setAttribute("aria-expanded", String(on));
      box.classList.toggle("pt-search--results", on);
    }

    function render() {
      var query = input.value;
      if (!engine || query === rendered) return;
      rendered = query;
      list.textContent = "";
      options_ = [];
      active = -1;
      input.removeAttribute("aria-activedescendant");
      if (!query.trim()) {
        open(false);
        status.textContent = "";
        return;
      }
      var results = engine.search(query);
      var words = engine.split(query.trim()).filter(function (w) { return w.length > 1 || query.trim().length === 1; });
      results.forEach(function (r, i) {
        var a = option(url(r.docname) + (r.anchor ? "#" + r.anchor : ""), i);
        a.setAttribute("data-kind", r.kind);
        highlight(a.appendChild(document.createElement("span")), r.kind === "index" ? r.entry : r.title, words);
        var where = a.appendChild(document.createElement("span"));
        where.className = "pt-search-results__where";
        var detail = r.kind === "object" ? r.type + " \u00b7 " + r.page : r.kind === "text" ? r.docname : r.page;
        if (r.kind === "title" && !r.anchor && r.title === r.page) detail = r.docname;
        where.textContent = detail;
        list.appendChild(a);
        options_.push(a);
      });
      if (!results.length) {
        var none = list.appendChild(document.createElement("p"));
        none.className = "pt-search-results__none";
        none.textContent = box.getAttribute("data-none");
      }
      var action = form.getAttribute("action");
      var all = option(action + (action.indexOf("?") < 0 ? "?" : "&") + "q=" + encodeURIComponent(query.trim()), "all");
      all.className += " pt-search-results__all";
      all.textContent = box.getAttribute("data-all");
      list.appendChild(all);
      options_.push(all);
      status.textContent = box.getAttribute("data-count").replace("%s", String(results.length));
      open(true);
    }

    function fail() {
      // No index (a file:// page, a missing file): the form submits, as without JavaScript.
      combobox(false);
      box.removeAttribute("data-ready");
      box.setAttribute("data-failed", "");
    }

    function loadScript(src) {
      return new Promise(function (resolve, reject) {
        var tag = document.createElement("script");
        tag.onload = resolve;
        tag.onerror = reject;
        tag.src = src;
        document.head.appendChild(tag);
      });
    }

    // piccolo_theme.js started its download with this script's, on focus. Parsed
    // as soon as it arrives, while the language data may still be on its way.
    var index = (box.ptIndex || fetch(root + "searchindex.js")).then(function (response) {
      if (!response.ok) throw new Error("HTTP " + response.status);
      return response.text();
    }).then(parseIndex);
    combobox(true);
    Promise.all([index, language.catch(function () {})]).then(function (done) {
      var stopwords = global.stopwords;
      engine = new Engine(done[0], {
        stemmer: global.Stemmer ? new global.Stemmer() : null,
        stopwords: stopwords,
        split: typeof global.splitQuery === "function" ? global.splitQuery : null,
      });
      box.setAttribute("data-index", "ready");
      if (document.activeElement === input) render();
      engine.prepare(global.requestIdleCallback ? function (next) {
        global.requestIdleCallback(next, { timeout: 200 });
      } : function (next) { setTimeout(next, 0); });
    }).catch(fail);

    input.addEventListener("input", render);
    input.addEventListener("focus", function () {
      if (engine && input.value.trim()) {
        rendered = null;
        render();
      }
    });
    // Capture on the form: before piccolo_theme.js's own Escape handler on the input.
    form.addEventListener("keydown", function (event) {
      if (!engine || event.target !== input) return;
      var open_ = !panel.hidden;
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        if (!open_) {
          rendered = null;
          render();
          return event.preventDefault();
        }
        var n = options_.length;
        var next = event.key === "ArrowDown" ? (active + 1) % n : active <= 0 ? n - 1 : active - 1;
        choose(next);
        event.preventDefault();
      } else if (event.key === "Enter" && open_ && active >= 0) {
        event.preventDefault();
        window.location.href = options_[active].href;
      } else if (event.key === "Escape" && (open_ || input.value)) {
        // First Escape clears the box; the next one leaves it to the header.
        event.stopPropagation();
        event.preventDefault();
        input.value = "";
        render();
      }
    }, true);
    // Keep the focus in the box while a result is clicked.
    panel.addEventListener("mousedown", function (event) { event.preventDefault(); });
    document.addEventListener("click", function (event) {
      if (!box.contains(event.target)) open(false);
    });
    box.addEventListener("focusout", function (event) {
      if (!event.relatedTarget || !box.contains(event.relatedTarget)) open(false);
    });
  }
})(typeof window !== "undefined" ? window : this);
