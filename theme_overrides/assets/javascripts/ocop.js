/* OCOP catalogue: search that forgives missing Vietnamese diacritics.
 * The index (danh-muc/search-index.json) is built by generator/search.py with the same folding.
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
  var KIND_LABEL = { p: "Sản phẩm", c: "Chủ thể", r: "Đợt kiểm tra" };

  /* Score one query word against a list of words: whole word beats prefix; 0 = no match. */
  function wordScore(query, list, whole, prefix) {
    var best = 0;
    for (var i = 0; i < list.length; i++) {
      if (list[i] === query) return whole;
      if (prefix > best && list[i].lastIndexOf(query, 0) === 0) best = prefix;
    }
    return best;
  }

  /* Every query word must match (a word that matches nothing never widens the results);
   * a match in a name counts more than one in other text such as inspection findings. */
  function search(index, query) {
    var terms = fold(query).split(" ").filter(Boolean);
    if (!terms.length) return [];
    var phrase = terms.join(" ");
    var hits = [];
    index.items.forEach(function (item, n) {
      var titleWords = index.titleWords[n], textWords = index.textWords[n];
      var score = KIND_WEIGHT[item[0]];
      for (var i = 0; i < terms.length; i++) {
        var s = wordScore(terms[i], titleWords, 4, 3) || wordScore(terms[i], textWords, 1, 0.5);
        if (!s) return;
        score += s;
      }
      if ((" " + item[5] + " ").indexOf(" " + phrase) >= 0) score += 2;
      hits.push({ item: item, score: score });
    });
    hits.sort(function (a, b) {
      return b.score - a.score || COLLATOR.compare(a.item[1], b.item[1]);
    });
    return hits.map(function (hit) { return hit.item; });
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
    status.textContent = results.length
      ? results.length + " kết quả cho “" + query + "”"
      : "Không tìm thấy kết quả cho “" + query + "”. Thử bỏ bớt từ hoặc kiểm tra chính tả.";
    results.slice(0, 50).forEach(function (item) {
      var li = element("li", "ocop-result ocop-result--" + item[0]);
      var link = element("a", "ocop-result__title", item[1]);
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
      li.appendChild(element("p", "ocop-result__subtitle", item[2]));
      list.appendChild(li);
    });
  }

  function setUpSearch(box) {
    var input = box.querySelector("input[name=q]");
    var list = box.querySelector(".ocop-results");
    var status = box.querySelector(".ocop-search__status");
    var root = box.getAttribute("data-root");
    var index = null;
    var loading = null;

    function load() {
      if (!loading) {
        loading = fetch(box.getAttribute("data-index"))
          .then(function (response) { return response.json(); })
          .then(function (data) {
            /* split every row into words once, not at every keystroke */
            data.titleWords = data.items.map(function (item) { return item[5].split(" "); });
            data.textWords = data.items.map(function (item) { return item[6].split(" "); });
            index = data;
          });
      }
      return loading;
    }

    function update() {
      var query = input.value;
      var url = new URL(window.location.href);
      if (query) url.searchParams.set("q", query); else url.searchParams.delete("q");
      window.history.replaceState(null, "", url);
      load().then(function () { renderResults(list, status, search(index, query), root, query); });
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
      load();
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

  function start() {
    addHeaderButton();
    document.querySelectorAll(".ocop-search").forEach(setUpSearch);
    document.querySelectorAll(".ocop-filters").forEach(setUpFilters);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
