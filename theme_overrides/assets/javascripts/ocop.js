/* OCOP catalogue: search that forgives missing Vietnamese diacritics.
 * The index (danh-muc/chi-muc/) is built by generator/search.py with the same folding.
 * Data from the index is always inserted as text (textContent), never as HTML. */
(function () {
  "use strict";

  /* "Rượu chuối Đồng" -> "ruou chuoi dong": must match generator/search.py:fold */
  function fold(text) {
    return text.toLowerCase().replace(/đ/g, "d").normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "").replace(/[^0-9a-z]+/g, " ").trim();
  }

  var KIND_WEIGHT = { p: 1, c: 0.5, r: 0 };
  var COLLATOR = new Intl.Collator("vi");  /* one collator: localeCompare builds one per call */
  var SHOWN = 50;
  var KIND_LABEL = { p: "Sản phẩm", c: "Chủ thể", r: "Đợt kiểm tra" };

  /* The split index (generator/search.py): a manifest, word shards and chunks of rows,
   * each fetched once and only when a query needs it. */
  function splitIndex(manifestUrl) {
    var folder = new URL(".", new URL(manifestUrl, window.location.href)).href;
    var files = {};
    function load(name) {
      if (!files[name]) {
        files[name] = fetch(folder + name).then(function (response) {
          if (!response.ok) throw new Error(name + ": " + response.status);
          return response.json();
        });
      }
      return files[name];
    }
    return {
      manifest: function () { return load("index.json"); },
      shard: function (key) { return load("w-" + key + ".json"); },
      chunk: function (n) { return load("r-" + n + ".json"); }
    };
  }

  /* The rows of one query word: a whole word beats a prefix, and a match in a title beats one
   * in other text (a row matching in both counts its title). */
  function wordMatches(term, shards) {
    var title = new Map(), text = new Map();
    shards.forEach(function (shard) {
      Object.keys(shard).forEach(function (word) {
        if (word.lastIndexOf(term, 0) !== 0) return;
        var whole = word === term;
        shard[word][0].forEach(function (row) { title.set(row, Math.max(title.get(row) || 0, whole ? 4 : 3)); });
        shard[word][1].forEach(function (row) { text.set(row, Math.max(text.get(row) || 0, whole ? 1 : 0.5)); });
      });
    });
    text.forEach(function (score, row) { if (!title.has(row)) title.set(row, -score); });
    return title;  /* positive: in the title; negative: only in other text */
  }

  /* Every query word must match (a word that matches nothing never widens the results); names
   * rank above other text such as inspection findings; a title holding every word ranks first.
   * Resolves to the number of results and the rows of the first `shown`. */
  function search(index, query, shown) {
    var terms = fold(query).split(" ").filter(Boolean);
    if (!terms.length) return Promise.resolve({ count: 0, rows: [] });
    return index.manifest().then(function (manifest) {
      var known = new Set(manifest.shards);
      var wanted = terms.map(function (term) {
        var keys = term.length > 1 ? [term.slice(0, 2)]
          : manifest.shards.filter(function (key) { return key[0] === term; });
        return Promise.all(keys.filter(function (key) { return known.has(key); }).map(index.shard));
      });
      return Promise.all(wanted).then(function (shardsPerTerm) {
        var scores = null, inTitle = new Map();
        terms.forEach(function (term, n) {
          var matches = wordMatches(term, shardsPerTerm[n]);
          var next = new Map();
          matches.forEach(function (score, row) {
            if (scores && !scores.has(row)) return;
            next.set(row, (scores ? scores.get(row) : 0) + Math.abs(score));
            if (score > 0) inTitle.set(row, (inTitle.get(row) || 0) + 1);
          });
          scores = next;
        });
        var hits = [];
        scores.forEach(function (score, row) {
          var bonus = inTitle.get(row) === terms.length ? 2 : 0;
          hits.push({ row: row, score: score + bonus + KIND_WEIGHT[manifest.kinds[row]] });
        });
        hits.sort(function (a, b) { return b.score - a.score || a.row - b.row; });
        var first = hits.slice(0, shown);
        var chunks = Array.from(new Set(first.map(function (hit) {
          return Math.floor(hit.row / manifest.chunk);
        })));
        return Promise.all(chunks.map(index.chunk)).then(function (loaded) {
          var byNumber = new Map(chunks.map(function (number, n) { return [number, loaded[n]]; }));
          return {
            count: hits.length,
            rows: first.map(function (hit) {
              return byNumber.get(Math.floor(hit.row / manifest.chunk))[hit.row % manifest.chunk];
            })
          };
        });
      });
    });
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function renderResults(list, status, results, root, query) {
    list.replaceChildren();
    if (!fold(query)) {
      status.textContent = "";
      return;
    }
    status.textContent = results.count
      ? results.count + " kết quả cho “" + query + "”"
      : "Không tìm thấy kết quả cho “" + query + "”. Thử bỏ bớt từ hoặc kiểm tra chính tả.";
    results.rows.forEach(function (item) {
      var li = element("li", "ocop-result ocop-result--" + item[0]);
      // Data goes into <bdi> elements: a right-to-left name then cannot reorder the words
      // after it (the same isolation the generated pages give every such value).
      var link = element("a", "ocop-result__title");
      link.appendChild(element("bdi", null, item[1]));
      link.href = root + item[3];
      li.appendChild(link);
      var meta = element("p", "ocop-result__meta");
      meta.appendChild(element("span", "ocop-result__kind", KIND_LABEL[item[0]]));
      if (item[4]) {
        var stars = element("span", "ocop-stars", "★★★★★".slice(0, item[4]) + "☆☆☆☆☆".slice(item[4]));
        stars.setAttribute("aria-hidden", "true");
        meta.appendChild(document.createTextNode(" · "));
        meta.appendChild(stars);
        meta.appendChild(element("strong", "ocop-stars-text", " " + item[4] + " sao"));
      }
      li.appendChild(meta);
      var subtitle = element("p", "ocop-result__subtitle");
      item[2].split(" · ").forEach(function (part, index) {
        if (index) subtitle.appendChild(document.createTextNode(" · "));
        subtitle.appendChild(element("bdi", null, part));
      });
      li.appendChild(subtitle);
      list.appendChild(li);
    });
  }

  function setUpSearch(box) {
    var input = box.querySelector("input[name=q]");
    var list = box.querySelector(".ocop-results");
    var status = box.querySelector(".ocop-search__status");
    var root = box.getAttribute("data-root");
    var index = splitIndex(box.getAttribute("data-index"));
    var latest = 0;

    function update() {
      var query = input.value;
      var url = new URL(window.location.href);
      if (query) url.searchParams.set("q", query); else url.searchParams.delete("q");
      window.history.replaceState(null, "", url);
      var asked = ++latest;
      search(index, query, SHOWN).then(function (results) {
        if (asked === latest) renderResults(list, status, results, root, query);  /* newest only */
      }).catch(function () {
        if (asked === latest) status.textContent = "Không tải được dữ liệu tìm kiếm. Thử tải lại trang.";
      });
    }

    box.querySelector("form").addEventListener("submit", function (event) {
      event.preventDefault();
      update();
    });
    input.addEventListener("input", update);
    var initial = new URLSearchParams(window.location.search).get("q");
    if (initial) {
      input.value = initial;
      update();
    } else {
      index.manifest();  /* small: fetched ahead so the first keystroke waits for its shard only */
    }
  }

  /* A search button in the header of every page, leading to the search page. */
  function addHeaderButton() {
    var config = document.getElementById("__config");
    var header = document.querySelector(".md-header__inner");
    if (!config || !header || header.querySelector(".ocop-header-search")) return;
    var base = JSON.parse(config.textContent).base;
    var link = element("a", "md-header__button md-icon ocop-header-search");
    link.href = base + "/tim-kiem/";
    link.setAttribute("aria-label", "Tìm kiếm sản phẩm");
    link.setAttribute("title", "Tìm kiếm sản phẩm");
    link.innerHTML = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" aria-hidden="true">' +
      '<path d="M9.5 3A6.5 6.5 0 0 1 16 9.5c0 1.61-.59 3.09-1.56 4.23l.27.27h.79l5 5-1.5 1.5-5-5v-.79' +
      'l-.27-.27A6.52 6.52 0 0 1 9.5 16 6.5 6.5 0 0 1 3 9.5 6.5 6.5 0 0 1 9.5 3m0 2C7 5 5 7 5 9.5' +
      'S7 14 9.5 14 14 12 14 9.5 12 5 9.5 5"/></svg>';
    header.appendChild(link);
  }

  /* Catalogue filters: the state lives in the address so a filtered view can be shared. */
  var STATUS_FILTER = {
    "": ["valid", "expiring"], "tat-ca": null, "het-han": ["expired"], "thu-hoi": ["revoked"]
  };
  var SORTS = {
    "": function (a, b) { return COLLATOR.compare(a.dataset.name, b.dataset.name); },
    "sao": function (a, b) { return b.dataset.stars - a.dataset.stars; },
    "cong-nhan": function (a, b) { return b.dataset.certified.localeCompare(a.dataset.certified); },
    "kiem-tra": function (a, b) { return b.dataset.inspected.localeCompare(a.dataset.inspected); }
  };

  function setUpFilters(form) {
    var list = document.querySelector(".ocop-cards");
    var count = document.querySelector(".ocop-filter-count");
    if (!list) return;
    var cards = Array.prototype.slice.call(list.children);
    var fields = Array.prototype.slice.call(form.querySelectorAll("select"));
    var params = new URLSearchParams(window.location.search);
    fields.forEach(function (field) {
      var wanted = params.get(field.name) || "";
      if (Array.prototype.some.call(field.options, function (o) { return o.value === wanted; })) {
        field.value = wanted;
      }
    });

    function apply() {
      var state = {};
      fields.forEach(function (field) { state[field.name] = field.value; });
      Array.prototype.forEach.call(form.elements.xa.options, function (option) {
        var province = option.getAttribute("data-province");
        option.hidden = !!(province && state.tinh && province !== state.tinh);
      });
      var statuses = STATUS_FILTER[state["chung-nhan"]] || null;
      var shown = 0;
      cards.forEach(function (card) {
        var d = card.dataset;
        var visible = (!state.sao || d.stars === state.sao) &&
          (!state.nhom || d.group === state.nhom) &&
          (!state.tinh || d.province === state.tinh) &&
          (!state.xa || d.commune === state.xa) &&
          (!statuses || statuses.indexOf(d.status) >= 0);
        card.hidden = !visible;
        if (visible) shown++;
      });
      var sort = SORTS[state["sap-xep"]] || SORTS[""];
      cards.slice().sort(function (a, b) { return sort(a, b) || SORTS[""](a, b); })
        .forEach(function (card) { list.appendChild(card); });
      count.textContent = shown + " / " + cards.length + " sản phẩm";
      var url = new URL(window.location.href);
      fields.forEach(function (field) {
        if (field.value) url.searchParams.set(field.name, field.value);
        else url.searchParams.delete(field.name);
      });
      window.history.replaceState(null, "", url);
    }

    form.addEventListener("change", apply);
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    apply();
    list.classList.add("ocop-ready");
  }

  /* A large catalogue lists each province on a page of its own: an address filtered by province
     on the page of all products (shared before the catalogue grew) opens that province's page
     with the other filters kept. */
  function forwardProvince(places) {
    var params = new URLSearchParams(window.location.search);
    var wanted = params.get("tinh");
    var links = places.querySelectorAll("a[data-province]");
    var link = Array.prototype.find.call(links, function (a) {
      return a.getAttribute("data-province") === wanted;
    });
    if (!link) return;
    var target = new URL(link.href);
    params.delete("tinh");
    params.forEach(function (value, key) { target.searchParams.set(key, value); });
    window.location.replace(target.href);
  }

  /* A table wider than the screen scrolls sideways in the wrapper the theme puts around it: the
     wrapper takes the keyboard focus, so it can be scrolled without a mouse. */
  function focusableScrollers() {
    document.querySelectorAll(".md-typeset__scrollwrap").forEach(function (wrapper) {
      if (wrapper.scrollWidth > wrapper.clientWidth) wrapper.tabIndex = 0;
    });
  }

  function start() {
    addHeaderButton();
    document.querySelectorAll(".ocop-search").forEach(setUpSearch);
    document.querySelectorAll(".ocop-filters").forEach(setUpFilters);
    var places = document.querySelector("[data-ocop-forward]");
    if (places) forwardProvince(places);
    if (window.document$) window.document$.subscribe(focusableScrollers);  // after the theme's
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
