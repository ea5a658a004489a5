// The interactive ketenkaart of the evaluatie package (our own code, no library): select a partner to
// highlight its ties, filter by level and type, switch the wave, show a persona's route.
// The data come from the JSON block beside this script; nothing is fetched from the network.
(function () {
  "use strict";
  document.documentElement.classList.add("js");

  function number(value, decimals) {
    return value.toFixed(decimals).replace(".", ",");
  }

  function start(box) {
    var source = box.querySelector("script[data-ketenkaart-gegevens]");
    if (!source || box.dataset.gestart) { return; }
    box.dataset.gestart = "ja";
    var data = JSON.parse(source.textContent);
    var partners = {};
    data.partners.forEach(function (p) { partners[p.id] = p; });
    var nodes = {};
    box.querySelectorAll("[data-partner]").forEach(function (g) { nodes[g.dataset.partner] = g; });
    var lines = {};
    box.querySelectorAll("line[data-a]").forEach(function (line) {
      var a = partners[line.dataset.a], b = partners[line.dataset.b];
      line.setAttribute("x1", a.x); line.setAttribute("y1", a.y);
      line.setAttribute("x2", b.x); line.setAttribute("y2", b.y);
      lines[line.dataset.a + "|" + line.dataset.b] = line;
    });
    var controls = {};
    box.querySelectorAll("[data-keuze]").forEach(function (el) { controls[el.dataset.keuze] = el; });
    var info = box.querySelector(".kk-info");
    var state = { selected: null };

    function current() {
      return {
        wave: controls.meting.value,
        level: parseInt(controls.niveau.value, 10),
        kind: controls.type.value,
        persona: controls.persona ? controls.persona.value : ""
      };
    }

    function render() {
      var now = current();
      var wave = data.metingen[now.wave];
      var visible = {};
      Object.keys(nodes).forEach(function (id) {
        var present = Object.prototype.hasOwnProperty.call(wave.partners, id);
        var shown = present && (!now.kind || partners[id].type === now.kind ||
          (state.selected && id === state.selected));
        visible[id] = shown;
        nodes[id].style.display = shown ? "" : "none";
        nodes[id].setAttribute("tabindex", shown ? "0" : "-1");
      });
      if (state.selected && !visible[state.selected]) { state.selected = null; }
      var route = {};
      if (now.persona && data.personas[now.persona] && data.personas[now.persona][now.wave]) {
        data.personas[now.persona][now.wave].forEach(function (pair) {
          route[pair[0] < pair[1] ? pair[0] + "|" + pair[1] : pair[1] + "|" + pair[0]] = true;
          route[pair[0]] = route[pair[1]] = true;
        });
      }
      Object.keys(lines).forEach(function (key) { lines[key].style.display = "none"; lines[key].setAttribute("class", ""); });
      var neighbours = {}, shownTies = 0, highlighted = 0;
      wave.relaties.forEach(function (tie) {
        var key = tie[0] + "|" + tie[1], line = lines[key];
        if (!line) { line = lines[tie[1] + "|" + tie[0]]; }
        var selectedTie = state.selected && (tie[0] === state.selected || tie[1] === state.selected);
        var onRoute = route[tie[0] < tie[1] ? tie[0] + "|" + tie[1] : tie[1] + "|" + tie[0]];
        if (tie[2] < now.level || !visible[tie[0]] || !visible[tie[1]]) {
          if (!(onRoute && visible[tie[0]] && visible[tie[1]])) { return; }
        }
        if (now.kind && !selectedTie && !onRoute && partners[tie[0]].type !== now.kind &&
            partners[tie[1]].type !== now.kind) { return; }
        shownTies += 1;
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
      Object.keys(nodes).forEach(function (id) {
        var classes = ["kk-partner"];
        if (state.selected) {
          if (id === state.selected) { classes.push("kk-gekozen"); }
          else if (!neighbours[id]) { classes.push("kk-gedimd"); }
          else { classes.push("kk-buur"); }
        }
        if (route[id]) { classes.push("kk-route"); }
        nodes[id].setAttribute("class", classes.join(" "));
        nodes[id].setAttribute("aria-pressed", id === state.selected ? "true" : "false");
      });
      if (state.selected) {
        var p = partners[state.selected], figures = wave.partners[state.selected];
        info.replaceChildren();
        var title = document.createElement("h4");
        title.textContent = p.naam;
        var list = document.createElement("dl");
        [["Type", p.type + " (" + p.sector + ")"],
         ["Ketenfuncties", p.functies.length ? p.functies.join(", ") : "geen"],
         ["Relaties in de " + now.wave, String(figures.relaties) + (highlighted !== figures.relaties ?
           " (" + highlighted + " getoond bij dit filter)" : "")],
         ["Tussenpositie (verbinder)", number(figures.tussenpositie, 2)]].concat(figures.scores || []).forEach(function (row) {
          var dt = document.createElement("dt"), dd = document.createElement("dd");
          dt.textContent = row[0]; dd.textContent = row[1];
          list.appendChild(dt); list.appendChild(dd);
        });
        info.appendChild(title);
        info.appendChild(list);
      } else {
        // every text from the data goes in as text, never as markup (a wave label is the user's input)
        var hint = document.createElement("p");
        hint.textContent = shownTies + " relaties getoond in de " + now.wave +
          ". Kies een partner (klik, of Tab en Enter) om zijn relaties, type, ketenfuncties en tussenpositie te " +
          "zien. Escape wist de keuze.";
        info.replaceChildren(hint);
      }
      box.dataset.getoond = String(shownTies);
      box.dataset.gemarkeerd = String(highlighted);
    }

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
      if (event.key === "Escape" && state.selected) { state.selected = null; render(); }
    });
    ["meting", "niveau", "type", "persona"].forEach(function (name) {
      if (controls[name]) { controls[name].addEventListener("change", render); }
    });
    controls.wissen.addEventListener("click", function () {
      state.selected = null;
      controls.niveau.value = "1";
      controls.type.value = "";
      if (controls.persona) { controls.persona.value = ""; }
      render();
    });
    box.hidden = false;
    render();
  }

  document.querySelectorAll("[data-ketenkaart]").forEach(start);
}());
