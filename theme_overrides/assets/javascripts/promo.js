/* OCOP catalogue: what a producer takes from its page, made in the visitor's browser from the
 * page's own files and data, with nothing fetched from another site:
 * - a PNG of a QR code or badge, drawn from its SVG (published at a fixed address) on a canvas,
 *   every unit of the SVG a whole number of pixels, at least `data-min-pixels` wide;
 * - an A5 flyer of a product, laid out from the button's data and printed (or saved as PDF)
 *   by the browser's own print (the `ocop-flyer` page of ocop.css).
 * Data from the page is always inserted as text (textContent), never as HTML. */
(function () {
  "use strict";

  function viewBox(svgText) {
    var svg = new DOMParser().parseFromString(svgText, "image/svg+xml").documentElement;
    var box = (svg.getAttribute("viewBox") || "").trim().split(/[\s,]+/).map(Number);
    if (box.length !== 4 || !(box[2] > 0) || !(box[3] > 0)) throw new Error("no viewBox");
    return { width: box[2], height: box[3] };
  }

  function loaded(source) {
    return new Promise(function (resolve, reject) {
      var image = new Image();
      image.onload = function () { resolve(image); };
      image.onerror = function () { reject(new Error("image")); };
      image.src = source;
    });
  }

  function save(blob, name) {
    var link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = name;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(link.href); }, 10000);
  }

  /* The SVG as a PNG: the canvas is a whole number of pixels a unit of the SVG, so the modules
   * of a QR code keep sharp edges. */
  function svgToPng(url, minPixels) {
    return fetch(url).then(function (response) {
      if (!response.ok) throw new Error(url + ": " + response.status);
      return response.text();
    }).then(function (text) {
      var box = viewBox(text);
      var scale = Math.ceil(minPixels / box.width);
      var data = "data:image/svg+xml;charset=utf-8," + encodeURIComponent(text);
      return loaded(data).then(function (image) {
        var canvas = document.createElement("canvas");
        canvas.width = Math.round(box.width * scale);
        canvas.height = Math.round(box.height * scale);
        var context = canvas.getContext("2d");
        context.imageSmoothingEnabled = false;
        context.drawImage(image, 0, 0, canvas.width, canvas.height);
        return new Promise(function (resolve) { canvas.toBlob(resolve, "image/png"); });
      });
    });
  }

  function setUpPng(button) {
    button.addEventListener("click", function () {
      button.disabled = true;
      svgToPng(button.getAttribute("data-ocop-png"), Number(button.dataset.minPixels) || 1000)
        .then(function (blob) { save(blob, button.dataset.file); })
        .catch(function () { window.alert("Không tạo được ảnh PNG; hãy tải bản SVG."); })
        .then(function () { button.disabled = false; });
    });
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  function flyer(data) {
    var stars = Number(data.stars);
    var sheet = element("div", "ocop-flyer");
    sheet.appendChild(element("div", "ocop-flyer__band", "SẢN PHẨM OCOP"));
    sheet.appendChild(element("p", "ocop-flyer__name", data.name));
    sheet.appendChild(element("p", "ocop-flyer__stars",
      "★".repeat(stars) + "☆".repeat(5 - stars) + "  " + stars + " sao"));
    sheet.appendChild(element("p", "ocop-flyer__producer", data.producer));
    sheet.appendChild(element("p", "ocop-flyer__place", data.place));
    sheet.appendChild(element("p", "ocop-flyer__status ocop-flyer__status--" + data.status,
      data.statusText));
    var code = element("img", "ocop-flyer__qr");
    code.alt = "Mã QR dẫn tới " + data.name;
    code.src = data.qr;
    sheet.appendChild(code);
    sheet.appendChild(element("p", "ocop-flyer__url", data.url));
    return { sheet: sheet, code: code };
  }

  function setUpFlyer(button) {
    button.addEventListener("click", function () {
      document.querySelectorAll(".ocop-flyer").forEach(function (old) { old.remove(); });
      var made = flyer(button.dataset);
      document.body.appendChild(made.sheet);
      document.documentElement.classList.add("ocop-printing-flyer");
      function done() {
        document.documentElement.classList.remove("ocop-printing-flyer");
        made.sheet.remove();
        window.removeEventListener("afterprint", done);
      }
      window.addEventListener("afterprint", done);
      made.code.decode().catch(function () {}).then(function () { window.print(); });
    });
  }

  function start() {
    document.querySelectorAll(".ocop-js[hidden]").forEach(function (node) { node.hidden = false; });
    document.querySelectorAll("button[data-ocop-png]").forEach(setUpPng);
    document.querySelectorAll("button[data-ocop-flyer]").forEach(setUpFlyer);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
