// The catalogue's additions to Decap CMS: a short guide on the first screen and a producer
// preview that shows what the producer's page will show (stars, status as of today, the
// "minh họa" labels), styled by the site's own stylesheets. The facts it needs (validity of
// each criteria set, names of groups, kinds and provinces) come from OCOP_PREVIEW, which the
// generator writes ahead of this script from the reference data; the wording follows
// generator/render.py.
(function () {
  "use strict";
  var data = window.OCOP_PREVIEW;

  function pad(n) { return (n < 10 ? "0" : "") + n; }
  function parseDay(text) {
    var m = /^(\d{4})-(\d{2})-(\d{2})/.exec(String(text || ""));
    return m ? new Date(Date.UTC(+m[1], +m[2] - 1, +m[3])) : null;
  }
  function vndate(day) {
    return day ? pad(day.getUTCDate()) + "/" + pad(day.getUTCMonth() + 1) + "/" + day.getUTCFullYear() : "";
  }
  function addMonths(day, months) {
    var index = day.getUTCMonth() + months;
    var year = day.getUTCFullYear() + Math.floor(index / 12), month = ((index % 12) + 12) % 12;
    var last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
    return new Date(Date.UTC(year, month, Math.min(day.getUTCDate(), last)));
  }
  function today() {
    var now = new Date();
    return new Date(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate()));
  }

  // The certificate's status on today's date, as generator/model.py judges it.
  function status(cert) {
    var decision = cert.decision || {}, day = parseDay(decision.date);
    var criteria = data && data.criteria[cert.criteria];
    if (!day || !criteria) return { kind: "expired", text: "Chưa đủ ngày quyết định và bộ tiêu chí" };
    var expires = addMonths(day, criteria.months), now = today();
    var left = Math.round((expires - now) / 86400000);
    var revoked = cert.revoked && parseDay(cert.revoked.date);
    if (revoked && revoked <= now) {
      var words = "Đã thu hồi ngày " + vndate(revoked);
      return { kind: "revoked", text: cert.revoked.reason ? words + ": " + cert.revoked.reason : words };
    }
    if (left <= 0) return { kind: "expired", text: "Hết hiệu lực từ " + vndate(expires) };
    if (left <= data.expiring_days) {
      return { kind: "expiring", text: "Sắp hết hạn: hiệu lực đến " + vndate(expires) + " (còn " + left + " ngày)" };
    }
    return { kind: "valid", text: "Còn hiệu lực đến " + vndate(expires) };
  }

  function marked(record, field) {
    var list = (record && record.illustrative) || [];
    return list.some(function (m) { return field === m || field.indexOf(m + ".") === 0; });
  }
  function mark(record, field) {
    return marked(record, field)
      ? [" ", h("span", { className: "ocop-illustrative", title: "Giá trị minh họa: văn bản nguồn không nêu" }, "minh họa")]
      : null;
  }
  function stars(count) {
    var n = Math.max(0, Math.min(5, +count || 0));
    return [
      h("span", { className: "ocop-stars", "aria-hidden": "true" }, "★★★★★".slice(0, n) + "☆☆☆☆☆".slice(0, 5 - n)),
      " ",
      h("strong", { className: "ocop-stars-text" }, n + " sao"),
    ];
  }

  function product(p, key) {
    var certs = p.certifications || [], cert = certs[certs.length - 1] || {}, state = status(cert);
    var decision = cert.decision || {};
    return h("section", { key: key },
      h("h3", null, p.name || "(chưa có tên sản phẩm)"),
      h("p", null,
        marked(p, "name") ? ["Tên", mark(p, "name"), " · "] : null,
        stars(cert.stars), mark(cert, "stars"), " · ",
        h("span", { className: "ocop-status ocop-status--" + state.kind }, state.text)),
      p.description ? h("p", null, p.description, mark(p, "description")) : null,
      h("table", null, h("tbody", null,
        h("tr", null, h("td", null, "Hạng"), h("td", null, (cert.stars || "?") + " sao", mark(cert, "stars"))),
        cert.score != null && cert.score !== "" ? h("tr", null, h("td", null, "Điểm"), h("td", null, cert.score + "/100", mark(cert, "score"))) : null,
        h("tr", null, h("td", null, "Nhóm sản phẩm"), h("td", null, (data.groups[p.group] || p.group || ""))),
        h("tr", null, h("td", null, "Quyết định"), h("td", null,
          "Số ", decision.number || "", mark(cert, "decision.number"),
          " ngày ", vndate(parseDay(decision.date)), mark(cert, "decision.date"))),
        h("tr", null, h("td", null, "Tình trạng"), h("td", null,
          h("span", { className: "ocop-status ocop-status--" + state.kind }, state.text))))));
  }

  var ProducerPreview = createClass({
    render: function () {
      var p = this.props.entry.get("data").toJS(), address = p.address || {};
      var products = p.products || [];
      var anyMarked = (p.illustrative || []).length || products.some(function (x) {
        return (x.illustrative || []).length || (x.certifications || []).some(function (c) { return (c.illustrative || []).length; });
      });
      return h("article", { className: "md-typeset ocop-editor-preview" },
        h("h1", null, p.name || "(chưa có tên chủ thể)"),
        h("p", null,
          marked(p, "name") ? ["Tên", mark(p, "name"), " · "] : null,
          data.kinds[p.kind] || p.kind || "", mark(p, "kind"),
          " · tỉnh " + (data.provinces[address.province] || address.province || "?")),
        p.description ? h("p", null, p.description, mark(p, "description")) : null,
        h("h2", null, "Sản phẩm OCOP"),
        products.map(product),
        anyMarked ? h("p", { className: "ocop-illustrative-note" }, "Các giá trị có nhãn ",
          h("span", { className: "ocop-illustrative" }, "minh họa"),
          " không có trong văn bản nguồn: chúng chỉ để minh họa danh mục mẫu, không phải thông tin chính thức.") : null,
        h("p", null, h("small", null, "Tình trạng tính đến hôm nay, " + vndate(today()) + ".")));
    },
  });

  // Decap's Vietnamese phrases lack a few that its English has (the "Add …" buttons of lists),
  // and a refused pattern should read as `ocop validate` words it (the config's pattern
  // message is that wording) rather than "<label> không khớp với mẫu: …". Ours are merged in
  // before the editor reads its configuration and picks the locale.
  var PHRASES = {
    editor: {
      editorWidgets: { list: { add: "Thêm %{item}", addType: "Thêm %{item}" } },
      editorControlPane: { widget: { regexPattern: "%{pattern}" } },
    },
  };
  function merge(into, from) {
    Object.keys(from).forEach(function (key) {
      var value = from[key];
      if (value && typeof value === "object") {
        into[key] = merge(Object.assign({}, into[key] || {}), value);
      } else {
        into[key] = value;
      }
    });
    return into;
  }
  CMS.registerLocale("vi", merge(Object.assign({}, CMS.getLocale("vi") || {}), PHRASES));

  data.stylesheets.forEach(function (href) { CMS.registerPreviewStyle(href); });
  CMS.registerPreviewTemplate("producers", ProducerPreview);
})();
