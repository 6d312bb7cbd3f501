// Type-ahead pickers for regions, organisations and records (progressive enhancement).
//
// Any <input> or <select> with `data-suggest="/suggest/<kind>/"` becomes a combobox: typing a name, pinyin,
// initials or a code asks the site for suggestions (JSON: {results: [{value, label, detail}]}), and the arrow
// keys, Enter or a click choose one. The original control stays the form's value, so the page works without
// scripts and posts exactly what it did before:
//   * a region text box (single): the box itself is the combobox; choosing writes "code name" into it;
//   * a region text box with data-multiple="1": chips plus a type-ahead box; the hidden box holds "code、code";
//   * a <select> (single or multiple): a type-ahead box (and chips for several); choosing selects the option.
// Texts come from data-picker-* attributes of <body> (translated by the site).
(function () {
  "use strict";
  var counter = 0;
  var texts = function (name, fallback) {
    return (document.body && document.body.getAttribute("data-picker-" + name)) || fallback;
  };

  function debounce(fn, ms) {
    var timer = null;
    return function () {
      var args = arguments;
      clearTimeout(timer);
      timer = setTimeout(function () { fn.apply(null, args); }, ms);
    };
  }

  function hideSource(source) {
    source.classList.add("visually-hidden", "picker-source");
    source.setAttribute("tabindex", "-1");
    source.setAttribute("aria-hidden", "true");
  }

  function Picker(source) {
    counter += 1;
    this.n = counter;
    this.source = source;
    this.url = source.getAttribute("data-suggest");
    // A select of a few fixed choices (a filter's 项目类型): suggestions are its own options, no request.
    this.local = this.url === "local";
    this.isSelect = source.tagName === "SELECT";
    this.multiple = this.isSelect ? source.multiple : source.getAttribute("data-multiple") === "1";
    // A box of numbers (an organisation's id in a filter): hidden, the picker shows the name.
    this.hiddenSource = !this.isSelect && !this.multiple && source.getAttribute("data-picker-hidden") === "1";
    this.results = [];
    this.active = -1;
    this.request = 0;
    this.build();
  }

  Picker.prototype.build = function () {
    var self = this;
    var source = this.source;
    var wrap = document.createElement("div");
    wrap.className = "picker position-relative";
    source.parentNode.insertBefore(wrap, source);
    wrap.appendChild(source);
    if (this.isSelect || this.multiple || this.hiddenSource) {
      this.input = document.createElement("input");
      this.input.type = "text";
      this.input.className = "form-control picker-input" + (/-sm\b/.test(source.className) ? " form-control-sm" : "");
      this.input.id = (source.id || "picker-" + this.n) + "_picker";
      this.input.placeholder = source.getAttribute("placeholder") || texts("placeholder", "输入名称、拼音、首字母或代码");
      if (source.required) { this.input.setAttribute("aria-required", "true"); }
      if (source.getAttribute("aria-invalid")) { this.input.setAttribute("aria-invalid", source.getAttribute("aria-invalid")); }
      var describedBy = source.getAttribute("aria-describedby");
      if (describedBy) { this.input.setAttribute("aria-describedby", describedBy); }
      if (source.id) {
        document.querySelectorAll("label[for='" + source.id + "']").forEach(function (label) {
          label.setAttribute("for", self.input.id);
        });
      }
      hideSource(source);
      if (this.multiple) {
        this.chips = document.createElement("ul");
        this.chips.className = "picker-chips list-unstyled d-flex flex-wrap gap-1 mb-1";
        wrap.appendChild(this.chips);
      }
      wrap.appendChild(this.input);
    } else {
      this.input = source;
    }
    var input = this.input;
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("autocomplete", "off");
    this.list = document.createElement("ul");
    this.list.id = "picker-list-" + this.n;
    this.list.className = "picker-list list-group shadow-sm";
    this.list.setAttribute("role", "listbox");
    this.list.hidden = true;
    input.setAttribute("aria-controls", this.list.id);
    wrap.appendChild(this.list);
    this.status = document.createElement("div");
    this.status.className = "visually-hidden";
    this.status.setAttribute("role", "status");
    wrap.appendChild(this.status);

    if (this.multiple) { this.renderChips(); }
    if ((this.isSelect || this.hiddenSource) && !this.multiple) { this.showSelected(); }

    var ask = debounce(function () { self.fetch(); }, 200);
    input.addEventListener("input", this.local ? function () { self.fetch(); } : ask);
    if (this.local) { input.addEventListener("focus", function () { self.fetch(); }); }
    input.addEventListener("keydown", function (event) { self.key(event); });
    input.addEventListener("blur", function () {
      setTimeout(function () {
        self.close();
        // A single select: an emptied box means "none"; text that was typed but not chosen is undone.
        if ((self.isSelect || self.hiddenSource) && !self.multiple) {
          if (!self.input.value.trim() && self.source.value) {
            self.source.value = "";
            self.source.dispatchEvent(new Event("change", { bubbles: true }));
          }
          self.showSelected();
        }
      }, 150);
    });
    // A change made to the original control (a script, a test) shows in the picker too, at once (on "input"),
    // so that the page does not move later, when the control loses the focus.
    var sync = function () {
      if (self.multiple) { self.renderChips(); } else if (self.isSelect || self.hiddenSource) { self.showSelected(); }
    };
    source.addEventListener("change", sync);
    if (!this.isSelect && this.multiple) { source.addEventListener("input", sync); }
  };

  // Pinyin of a fixed choice (data-pinyin: value → "full|initials"): the query begins the full reading or the
  // initials, or from three letters on lies inside either (the rule the server applies to records).
  function pinyinMatch(reading, q) {
    if (!reading || !/^[a-z]+$/.test(q)) { return false; }
    var parts = reading.split("|"), full = parts[0], initials = parts[1] || "";
    if (full.indexOf(q) === 0 || initials.indexOf(q) === 0) { return true; }
    return q.length >= 3 && (full.indexOf(q) !== -1 || initials.indexOf(q) !== -1);
  }

  Picker.prototype.localResults = function (query) {
    var q = query.toLowerCase();
    var readings = JSON.parse(this.source.getAttribute("data-pinyin") || "{}");
    var key = q.replace(/\s+/g, "");
    return Array.prototype.filter.call(this.source.options, function (o) {
      return o.value && !(o.selected && o.parentNode.multiple) &&
        (!q || o.text.toLowerCase().indexOf(q) !== -1 || pinyinMatch(readings[o.value], key));
    }).map(function (o) { return { value: o.value, label: o.text, detail: "" }; });
  };

  Picker.prototype.fetch = function () {
    var self = this;
    var query = this.input.value.trim();
    if (this.local) { this.show(this.localResults(query)); return; }
    if ((this.isSelect || this.hiddenSource) && !this.multiple && this.selectedText() === query) { query = ""; }
    if (!query) { this.close(); return; }
    var serial = ++this.request;
    var sep = this.url.indexOf("?") === -1 ? "?" : "&";
    fetch(this.url + sep + "q=" + encodeURIComponent(query), {
      credentials: "same-origin", headers: { Accept: "application/json" }
    }).then(function (response) {
      return response.ok ? response.json() : { results: [] };
    }).then(function (data) {
      if (serial !== self.request) { return; }
      self.show(data.results || []);
    }).catch(function () { self.show([]); });
  };

  Picker.prototype.show = function (results) {
    var self = this;
    this.results = results;
    this.active = -1;
    this.list.textContent = "";
    if (!results.length) {
      this.status.textContent = texts("none", "没有匹配的选项");
      this.close();
      return;
    }
    results.forEach(function (item, i) {
      var li = document.createElement("li");
      li.id = self.list.id + "-" + i;
      li.className = "list-group-item list-group-item-action picker-option py-1";
      li.setAttribute("role", "option");
      li.setAttribute("aria-selected", "false");
      li.setAttribute("data-value", item.value);
      var label = document.createElement("span");
      label.className = "picker-label";
      label.textContent = item.label;
      li.appendChild(label);
      if (item.detail) {
        var detail = document.createElement("small");
        detail.className = "picker-detail ms-2";
        detail.textContent = item.detail;
        li.appendChild(detail);
      }
      li.addEventListener("mousedown", function (event) { event.preventDefault(); });
      li.addEventListener("click", function () { self.choose(i); });
      self.list.appendChild(li);
    });
    this.list.hidden = false;
    this.input.setAttribute("aria-expanded", "true");
    this.status.textContent = texts("count", "{n} 条建议").replace("{n}", String(results.length));
  };

  Picker.prototype.close = function () {
    this.list.hidden = true;
    this.input.setAttribute("aria-expanded", "false");
    this.input.removeAttribute("aria-activedescendant");
    this.active = -1;
  };

  Picker.prototype.highlight = function (i) {
    var options = this.list.querySelectorAll("[role=option]");
    if (!options.length) { return; }
    this.active = (i + options.length) % options.length;
    options.forEach(function (li, j) {
      li.classList.toggle("active", j === this.active);
      li.setAttribute("aria-selected", j === this.active ? "true" : "false");
    }, this);
    this.input.setAttribute("aria-activedescendant", options[this.active].id);
    options[this.active].scrollIntoView({ block: "nearest" });
  };

  Picker.prototype.key = function (event) {
    var open = !this.list.hidden;
    if (event.key === "ArrowDown") {
      event.preventDefault();
      if (open) { this.highlight(this.active + 1); } else { this.fetch(); }
    } else if (event.key === "ArrowUp" && open) {
      event.preventDefault();
      this.highlight(this.active - 1);
    } else if (event.key === "Enter" && open) {
      event.preventDefault();
      this.choose(this.active < 0 ? 0 : this.active);
    } else if (event.key === "Escape" && open) {
      event.preventDefault();
      this.close();
    } else if (event.key === "Backspace" && this.multiple && !this.input.value) {
      var values = this.values();
      if (values.length) { this.remove(values[values.length - 1].value); }
    }
  };

  Picker.prototype.choose = function (i) {
    var item = this.results[i];
    if (!item) { return; }
    if (this.isSelect) {
      var option = Array.prototype.find.call(this.source.options, function (o) { return o.value === String(item.value); });
      if (!option) {
        option = new Option(item.label, item.value);
        this.source.appendChild(option);
      }
      if (!this.multiple) {
        Array.prototype.forEach.call(this.source.options, function (o) { o.selected = false; });
      }
      option.selected = true;
    } else if (this.multiple) {
      var values = this.values();
      if (!values.some(function (v) { return v.value === String(item.value); })) {
        values.push({ value: String(item.value), label: item.label });
      }
      this.setValues(values);
    } else if (this.hiddenSource) {
      this.source.value = item.value;
      this.source.setAttribute("data-initial-label", item.label);
    } else if (this.source.getAttribute("data-value-only") === "1") {
      this.source.value = item.value;
    } else {
      this.source.value = item.value + " " + item.label;
    }
    this.close();
    this.source.dispatchEvent(new Event("change", { bubbles: true }));
    if (this.multiple) {
      this.input.value = "";
    } else if (this.isSelect || this.hiddenSource) {
      this.showSelected();
    }
    this.status.textContent = texts("chosen", "已选择") + " " + item.label;
    this.input.focus();
  };

  // --- several values -------------------------------------------------------------------------------------

  Picker.prototype.values = function () {
    if (this.isSelect) {
      return Array.prototype.filter.call(this.source.options, function (o) { return o.selected && o.value; })
        .map(function (o) { return { value: o.value, label: o.text }; });
    }
    var known = {};
    (this.known || JSON.parse(this.source.getAttribute("data-initial") || "[]")).forEach(function (v) {
      known[v.value] = v.label;
    });
    return this.source.value.split(/[\s,，、；;]+/).filter(Boolean).map(function (code) {
      return { value: code, label: known[code] || code };
    });
  };

  Picker.prototype.setValues = function (values) {
    this.known = values.slice();
    this.source.value = values.map(function (v) { return v.value; }).join("、");
  };

  Picker.prototype.remove = function (value) {
    if (this.isSelect) {
      Array.prototype.forEach.call(this.source.options, function (o) { if (o.value === value) { o.selected = false; } });
    } else {
      this.setValues(this.values().filter(function (v) { return v.value !== value; }));
    }
    this.source.dispatchEvent(new Event("change", { bubbles: true }));
    this.status.textContent = texts("removed", "已移除");
    this.input.focus();
  };

  Picker.prototype.renderChips = function () {
    var self = this;
    if (!this.isSelect) { this.known = this.values(); }
    this.chips.textContent = "";
    this.values().forEach(function (v) {
      var li = document.createElement("li");
      li.className = "picker-chip badge rounded-pill d-inline-flex align-items-center gap-1";
      li.setAttribute("data-value", v.value);
      var text = document.createElement("span");
      text.textContent = v.label;
      li.appendChild(text);
      var button = document.createElement("button");
      button.type = "button";
      button.className = "btn-close btn-close-sm picker-remove";
      button.setAttribute("aria-label", texts("remove", "移除") + " " + v.label);
      button.addEventListener("click", function () { self.remove(v.value); });
      li.appendChild(button);
      self.chips.appendChild(li);
    });
  };

  // --- one value in a select ------------------------------------------------------------------------------

  Picker.prototype.selectedText = function () {
    if (this.hiddenSource) {
      return this.source.value ? (this.source.getAttribute("data-initial-label") || this.source.value) : "";
    }
    var option = this.source.options[this.source.selectedIndex];
    return option && option.value ? option.text : "";
  };

  Picker.prototype.showSelected = function () {
    this.input.value = this.selectedText();
  };

  function setup(root) {
    (root || document).querySelectorAll("[data-suggest]").forEach(function (el) {
      if (el.getAttribute("data-picker-ready")) { return; }
      el.setAttribute("data-picker-ready", "1");
      el.picker = new Picker(el);
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", function () { setup(); });
  } else {
    setup();
  }
  document.addEventListener("htmx:afterSwap", function (event) { setup(event.target); });
})();
