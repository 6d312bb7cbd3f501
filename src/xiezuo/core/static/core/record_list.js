// Record list: the header checkbox ticks or clears every row's checkbox; the bulk buttons show how many
// rows are ticked. A static file because the Content-Security-Policy allows no inline script.
(function () {
  "use strict";
  function setup() {
    var form = document.getElementById("bulk-form");
    if (!form) { return; }
    var all = document.getElementById("bulk-select-all");
    var boxes = function () { return form.querySelectorAll("input[name=pk]"); };
    var count = document.getElementById("bulk-count");
    function update() {
      var ticked = 0;
      boxes().forEach(function (box) { if (box.checked) { ticked += 1; } });
      if (count) { count.textContent = String(ticked); }
      if (all) {
        all.checked = ticked > 0 && ticked === boxes().length;
        all.indeterminate = ticked > 0 && ticked < boxes().length;
      }
    }
    if (all) {
      all.hidden = false;
      all.addEventListener("change", function () {
        boxes().forEach(function (box) { box.checked = all.checked; });
        update();
      });
    }
    form.addEventListener("change", update);
    update();
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setup);
  } else {
    setup();
  }
})();
