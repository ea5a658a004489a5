// The interactive ketenkaart of the evaluatie package (our own code, no library): select a partner to
// highlight its ties (or show only it and its ties), filter by level and partner type, switch the wave,
// show a persona's route with its missing steps, zoom and pan with buttons, keys, mouse or touch.
// The data come from the JSON block beside this script; nothing is fetched from the network, and every text
// from the data goes into the page as text, never as markup (names and wave labels are the user's input).
(function () {
  "use strict";
  document.documentElement.classList.add("js");
  var SVG = "http://www.w3.org/2000/svg";

  function number(value, decimals) {
    return value.toFixed(decimals).replace(".", ",");
  }

  function pairKey(a, b) {
    return a < b ? a + "|" + b : b + "|" + a;
  }

  function element(name, text) {
    var el = document.createElement(name);
    if (text !== undefined) { el.textContent = text; }
    return el;
  }

  function start(box) {
    var source = box.querySelector("script[data-ketenkaart-gegevens]");
    if (!source || box.dataset.gestart) { return; }
    box.dataset.gestart = "ja";
    var data = JSON.parse(source.textContent);
    var svg = box.querySelector("svg");
    var partners = {};
    data.partners.forEach(function (p) { partners[p.id] = p; });
    var nodes = {};
    box.querySelectorAll("[data-partner]").forEach(function (g) { nodes[g.dataset.partner] = g; });
    var lines = {};
    box.querySelectorAll("line[data-a]").forEach(function (line) {
      var a = partners[line.dataset.a], b = partners[line.dataset.b];
      line.setAttribute("x1", a.x); line.setAttribute("y1", a.y);
      line.setAttribute("x2", b.x); line.setAttribute("y2", b.y);
      lines[pairKey(line.dataset.a, line.dataset.b)] = line;
    });
    var gaps = box.querySelector(".kk-gaten");
    var controls = {};
    box.querySelectorAll("[data-keuze]").forEach(function (el) { controls[el.dataset.keuze] = el; });
    var info = box.querySelector(".kk-info");
    var state = { selected: null };

    function current() {
      return {
        wave: controls.meting.value,
        level: parseInt(controls.niveau.value, 10),
        kind: controls.type.value,
        persona: controls.persona ? controls.persona.value : "",
        ego: controls.ego ? controls.ego.checked : false
      };
    }

    function routeOf(now) {
      var steps = (now.persona && data.personas[now.persona] && data.personas[now.persona][now.wave]) || [];
      var route = { steps: steps, ties: {}, nodes: {}, gaps: [] };
      steps.forEach(function (step) {
        var handover = step.overdracht;
        if (handover && handover.niveau > 0) { route.ties[pairKey(handover.van, handover.naar)] = true; }
        else if (handover) { route.gaps.push({ van: handover.van, naar: handover.naar, tekst: "geen overdracht" }); }
        if (step.van) { route.nodes[step.van] = true; }
        if (step.naar) { route.nodes[step.naar] = true; }
        if (step.status === "aanwezig") { route.ties[pairKey(step.van, step.naar)] = true; }
        else if (step.van && step.naar && step.van !== step.naar) {
          route.gaps.push({ van: step.van, naar: step.naar, tekst: "stap " + step.nummer + " ontbreekt" });
        }
      });
      return route;
    }

    function drawGaps(route) {
      gaps.replaceChildren();
      route.gaps.forEach(function (step) {
        var a = partners[step.van], b = partners[step.naar];
        var line = document.createElementNS(SVG, "line");
        line.setAttribute("x1", a.x); line.setAttribute("y1", a.y);
        line.setAttribute("x2", b.x); line.setAttribute("y2", b.y);
        line.setAttribute("class", "kk-gat");
        var label = document.createElementNS(SVG, "text");
        label.setAttribute("x", String((a.x + b.x) / 2)); label.setAttribute("y", String((a.y + b.y) / 2));
        label.setAttribute("text-anchor", "middle"); label.setAttribute("dominant-baseline", "central");
        label.setAttribute("class", "kk-gat-tekst");
        label.textContent = step.tekst;
        gaps.appendChild(line); gaps.appendChild(label);
      });
    }

    function stepText(step) {
      var level = data.niveaus[String(step.niveau)], head = "Stap " + step.nummer + ", ";
      if (step.status === "aanwezig") {
        return head + step.stap + ": niveau " + step.niveau + (level ? " " + level.naam : "") + " (" +
          partners[step.van].naam + " – " + partners[step.naar].naam + ")";
      }
      if (step.status === "ontbreekt") {
        return head + step.stap + ": ontbreekt, geen relatie tussen deze typen" +
          (step.van && step.naar ? " (rode stippellijn op de kaart)" : "");
      }
      return head + step.stap + ": " + step.status;
    }

    function showPartner(now, wave, highlighted) {
      var p = partners[state.selected], figures = wave.partners[state.selected];
      var list = element("dl");
      [["Type", p.typenaam + " (" + p.sector + ")"],
       ["Ketenfuncties", p.functies.length ? p.functies.join(", ") : "geen"],
       ["Relaties in meting " + now.wave, String(figures.relaties) + (highlighted !== figures.relaties ?
         " (" + highlighted + " getoond bij dit filter)" : "")],
       ["Tussenpositie (verbinder)", number(figures.tussenpositie, 2)]].concat(figures.scores || []).forEach(function (row) {
        list.appendChild(element("dt", row[0]));
        list.appendChild(element("dd", row[1]));
      });
      info.replaceChildren(element("h4", p.naam), list);
    }

    function showRoute(now, route) {
      var items = element("ul");
      route.steps.forEach(function (step) {
        var handover = step.overdracht;
        if (handover) {
          items.appendChild(element("li", "Overdracht van " + partners[handover.van].naam + " naar " +
            partners[handover.naar].naam + ": " + (handover.niveau > 0 ? "niveau " + handover.niveau + " " +
            data.niveaus[String(handover.niveau)].naam : "geen relatie (rode stippellijn op de kaart)")));
        }
        items.appendChild(element("li", stepText(step)));
      });
      var weakest = route.steps.slice().sort(function (x, y) { return x.niveau - y.niveau || x.nummer - y.nummer; })[0];
      var parts = [element("h4", "Route van " + now.persona + " in meting " + now.wave), items];
      if (weakest) {
        parts.push(element("p", "Zwakste stap: " + weakest.stap + (weakest.status === "aanwezig" ?
          " (niveau " + weakest.niveau + ")" : " (" + weakest.status + ")") + "."));
      }
      info.replaceChildren.apply(info, parts);
    }

    function render() {
      var now = current();
      var wave = data.metingen[now.wave];
      var present = function (id) { return Object.prototype.hasOwnProperty.call(wave.partners, id); };
      if (state.selected && !present(state.selected)) { state.selected = null; }
      var route = routeOf(now);
      Object.keys(lines).forEach(function (key) { lines[key].style.display = "none"; lines[key].setAttribute("class", ""); });
      var neighbours = {}, reached = {}, shownTies = 0, highlighted = 0;
      wave.relaties.forEach(function (tie) {
        var line = lines[pairKey(tie[0], tie[1])];
        var selectedTie = state.selected && (tie[0] === state.selected || tie[1] === state.selected);
        var onRoute = route.ties[pairKey(tie[0], tie[1])];
        var ofKind = !now.kind || partners[tie[0]].type === now.kind || partners[tie[1]].type === now.kind;
        var shown = onRoute || (tie[2] >= now.level && ofKind && !(now.ego && state.selected && !selectedTie));
        if (!shown) { return; }
        shownTies += 1;
        reached[tie[0]] = reached[tie[1]] = true;
        line.style.display = "";
        line.setAttribute("stroke", data.niveaus[String(tie[2])].kleur);
        line.setAttribute("stroke-width", String(0.6 + 1.1 * tie[2]));
        var classes = [];
        if (state.selected) {
          if (selectedTie) {
            classes.push("kk-actief");
            highlighted += 1;
            neighbours[tie[0]] = neighbours[tie[1]] = true;
          } else { classes.push("kk-gedimd"); }
        }
        if (onRoute) { classes.push("kk-route"); }
        line.setAttribute("class", classes.join(" "));
      });
      var dimmed = 0;
      Object.keys(nodes).forEach(function (id) {
        var shown = present(id) && !(now.ego && state.selected && !neighbours[id] && id !== state.selected);
        nodes[id].style.display = shown ? "" : "none";
        nodes[id].setAttribute("tabindex", shown ? "0" : "-1");
        var classes = ["kk-partner"];
        if (state.selected) {
          if (id === state.selected) { classes.push("kk-gekozen"); }
          else if (!neighbours[id]) { classes.push("kk-gedimd"); }
          else { classes.push("kk-buur"); }
        } else if (now.kind && partners[id].type !== now.kind) {
          classes.push(reached[id] ? "kk-ander" : "kk-gedimd");
        }
        if (route.nodes[id]) { classes.push("kk-route"); }
        if (shown && classes.indexOf("kk-gedimd") >= 0) { dimmed += 1; }
        nodes[id].setAttribute("class", classes.join(" "));
        nodes[id].setAttribute("aria-pressed", id === state.selected ? "true" : "false");
      });
      drawGaps(route);
      if (state.selected) {
        showPartner(now, wave, highlighted);
      } else if (route.steps.length) {
        showRoute(now, route);
      } else {
        info.replaceChildren(element("p", shownTies + " relaties getoond in meting " + now.wave +
          ". Kies een partner (klik, of Tab en Enter) om zijn relaties, type, ketenfuncties en tussenpositie te " +
          "zien. Escape wist de keuze."));
      }
      box.dataset.getoond = String(shownTies);
      box.dataset.gemarkeerd = String(highlighted);
      box.dataset.gedimd = String(dimmed);
      box.dataset.gaten = String(route.gaps.length);
    }

    // -- zoom and pan: the viewBox is the view; buttons, + and - keys, ctrl+wheel (a touchpad pinch),
    // a drag when zoomed in, and a two-finger pinch on a touch screen
    var full = { x: 0, y: 0, w: data.breedte, h: data.hoogte }, view = Object.assign({}, full);

    function applyView() {
      view.w = Math.min(full.w, Math.max(full.w / 6, view.w));
      view.h = view.w * full.h / full.w;
      view.x = Math.min(full.w - view.w, Math.max(0, view.x));
      view.y = Math.min(full.h - view.h, Math.max(0, view.y));
      svg.setAttribute("viewBox", [view.x, view.y, view.w, view.h].map(function (v) { return v.toFixed(1); }).join(" "));
      var zoomed = view.w < full.w - 0.5;
      svg.style.touchAction = zoomed ? "none" : "pan-y";
      box.dataset.zoom = number(full.w / view.w, 2);
    }

    function zoom(factor, cx, cy) {
      if (cx === undefined) { cx = view.x + view.w / 2; cy = view.y + view.h / 2; }
      var w = Math.min(full.w, Math.max(full.w / 6, view.w / factor)), ratio = w / view.w;
      view.x = cx - (cx - view.x) * ratio; view.y = cy - (cy - view.y) * ratio; view.w = w;
      applyView();
    }

    function toView(clientX, clientY) {
      var rect = svg.getBoundingClientRect();
      return { x: view.x + (clientX - rect.left) / rect.width * view.w,
               y: view.y + (clientY - rect.top) / rect.height * view.h };
    }

    var pointers = {}, gesture = null, dragged = false;
    function beginGesture() {
      var ids = Object.keys(pointers), rect = svg.getBoundingClientRect();
      if (!ids.length) { gesture = null; return; }
      var a = pointers[ids[0]], b = pointers[ids[1]] || a;
      gesture = { view: Object.assign({}, view), scale: view.w / rect.width,
                  cx: (a.x + b.x) / 2, cy: (a.y + b.y) / 2, distance: Math.hypot(a.x - b.x, a.y - b.y) };
    }
    svg.addEventListener("pointerdown", function (event) {
      if (event.pointerType === "mouse" && (event.button !== 0 || view.w >= full.w - 0.5)) { return; }
      pointers[event.pointerId] = { x: event.clientX, y: event.clientY };
      dragged = false;
      beginGesture();
    });
    svg.addEventListener("pointermove", function (event) {
      if (!pointers[event.pointerId] || !gesture) { return; }
      pointers[event.pointerId] = { x: event.clientX, y: event.clientY };
      var ids = Object.keys(pointers), a = pointers[ids[0]], b = pointers[ids[1]] || a;
      var cx = (a.x + b.x) / 2, cy = (a.y + b.y) / 2, distance = Math.hypot(a.x - b.x, a.y - b.y);
      if (Math.abs(cx - gesture.cx) + Math.abs(cy - gesture.cy) + Math.abs(distance - gesture.distance) > 4) { dragged = true; }
      if (!dragged) { return; }
      if (ids.length === 1 && gesture.view.w >= full.w - 0.5) { return; }  // not zoomed in: the page scrolls
      var factor = ids.length > 1 && gesture.distance > 0 ? distance / gesture.distance : 1;
      var rect = svg.getBoundingClientRect();
      var anchorX = gesture.view.x + (gesture.cx - rect.left) * gesture.scale;
      var anchorY = gesture.view.y + (gesture.cy - rect.top) * gesture.scale;
      view.w = gesture.view.w / factor;
      var scale = Math.min(full.w, Math.max(full.w / 6, view.w)) / rect.width;
      view.x = anchorX - (cx - rect.left) * scale;
      view.y = anchorY - (cy - rect.top) * scale;
      applyView();
      event.preventDefault();
    });
    ["pointerup", "pointercancel", "pointerleave"].forEach(function (name) {
      svg.addEventListener(name, function (event) { delete pointers[event.pointerId]; beginGesture(); });
    });
    svg.addEventListener("click", function (event) {
      if (dragged) { event.stopPropagation(); event.preventDefault(); dragged = false; }
    }, true);  // a drag that ends on a partner does not choose it
    svg.addEventListener("wheel", function (event) {
      if (!event.ctrlKey) { return; }  // a plain wheel scrolls the page
      event.preventDefault();
      var point = toView(event.clientX, event.clientY);
      zoom(Math.exp(-event.deltaY / 200), point.x, point.y);
    }, { passive: false });
    controls.inzoomen.addEventListener("click", function () { zoom(1.5); });
    controls.uitzoomen.addEventListener("click", function () { zoom(1 / 1.5); });
    controls.passend.addEventListener("click", function () { view = Object.assign({}, full); applyView(); });

    function choose(id) {
      state.selected = state.selected === id ? null : id;
      render();
    }

    Object.keys(nodes).forEach(function (id) {
      nodes[id].addEventListener("click", function () { choose(id); });
      nodes[id].addEventListener("keydown", function (event) {
        if (event.key === "Enter" || event.key === " ") { event.preventDefault(); choose(id); }
      });
    });
    box.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && state.selected) { state.selected = null; render(); return; }
      if (!svg.contains(event.target)) { return; }
      if (event.key === "+" || event.key === "=") { zoom(1.5); }
      else if (event.key === "-") { zoom(1 / 1.5); }
      else if (event.key === "0") { view = Object.assign({}, full); applyView(); }
    });
    ["meting", "niveau", "type", "persona", "ego"].forEach(function (name) {
      if (controls[name]) { controls[name].addEventListener("change", render); }
    });
    controls.wissen.addEventListener("click", function () {
      state.selected = null;
      controls.niveau.value = "1";
      controls.type.value = "";
      if (controls.persona) { controls.persona.value = ""; }
      if (controls.ego) { controls.ego.checked = false; }
      render();
    });
    box.hidden = false;
    applyView();
    render();
  }

  document.querySelectorAll("[data-ketenkaart]").forEach(start);
}());
