/// The page's only script: plain JavaScript (no library) that makes the embedded SVG map
/// explorable. It pans and zooms by changing the viewBox of the map's nested `<svg id="ck-view">`,
/// shows a feature's figures from the JSON block (`MapData`) in an info panel, toggles layers,
/// finds sites, areas and zones by name and recommended posts by rank or reason, clusters dense point layers at overview scales and adds labels
/// when zoomed in. It never fetches anything; the page's CSP allows exactly this text by its
/// SHA-256 hash. ASCII only, so that the hashed bytes cannot depend on an encoding.
///
/// Printing is unaffected: before printing the view returns to the whole map, and the print
/// stylesheet shows every layer and hides what the script added (`.ck-screen`).
enum MapScript {
    static let source = #"""
        (function () {
          "use strict";
          var dataNode = document.getElementById("ck-data");
          var view = document.getElementById("ck-view");
          var figure = document.getElementById("ck-map");
          if (!dataNode || !view || !figure) return;
          var svg = view.ownerSVGElement;
          var D = JSON.parse(dataNode.textContent);
          var S = D.s, U = D.ui, NS = "http://www.w3.org/2000/svg";
          var home = { x: D.frame[0], y: D.frame[1], w: D.frame[2], h: D.frame[3] };
          var cur = { x: home.x, y: home.y, w: home.w }, homeBox = view.getAttribute("viewBox");
          var MAX_ZOOM = 64, CLUSTER_LIMIT = 1500, NAME_LIMIT = 250, CELL_PX = 56;
          var layers = D.layers, byId = {};
          var showLabels = true, printing = false, pending = 0, selected = null;

          function el(name, attrs, parent) {
            var node = document.createElementNS(NS, name);
            for (var key in attrs) node.setAttribute(key, attrs[key]);
            if (parent) parent.appendChild(node);
            return node;
          }
          function html(name, cls, parent, text) {
            var node = document.createElement(name);
            if (cls) node.className = cls;
            if (text !== undefined) node.textContent = text;
            if (parent) parent.appendChild(node);
            return node;
          }

          layers.forEach(function (L) {
            byId[L.id] = L;
            L.on = true;
            L.first = L.kind === "shape" ? 8 : 4;
            L.els = Array.prototype.slice.call(view.querySelectorAll('[data-layer="' + L.id + '"]'));
            L.marks = [];
            L.els.forEach(function (g) {
              Array.prototype.forEach.call(g.querySelectorAll("[data-i]"), function (m) { L.marks.push(m); });
            });
            L.clustered = false;
          });

          // Screen-only groups (the print stylesheet hides .ck-screen).
          var overlay = el("g", { "class": "ck-screen" }, view);
          var clusterGroup = el("g", { "class": "ck-screen ck-clusters" }, overlay);
          // Clusters are drawn where their layer is (under hotspots and labels), not on top of everything.
          layers.forEach(function (L) {
            var last = L.cluster && L.els[L.els.length - 1];
            if (last) last.parentNode.insertBefore(clusterGroup, last.nextSibling);
          });
          var labelGroup = el("g", { "class": "ck-screen ck-names", "font-family": svg.getAttribute("font-family") || "sans-serif" }, overlay);
          var highlight = el("g", { "class": "ck-screen ck-highlight" }, overlay);
          var clusters = [];
          var staticLabels = view.querySelector(".ck-labels");
          var ticks = svg.querySelector(".ck-ticks");
          var symbols = Array.prototype.slice.call(svg.querySelectorAll(".ck-sym"));
          // The legend keeps its own copies of the symbols, which do not shrink when the map zooms.
          symbols.forEach(function (s) {
            var copy = s.cloneNode(false), id = s.getAttribute("id");
            copy.setAttribute("id", id + "-key");
            copy.removeAttribute("class");
            s.parentNode.appendChild(copy);
            Array.prototype.forEach.call(svg.querySelectorAll('use[href="#' + id + '"]'), function (u) {
              if (!view.contains(u)) u.setAttribute("href", "#" + id + "-key");
            });
          });
          var rings = Array.prototype.slice.call(view.querySelectorAll(".ck-rings circle"));
          rings.forEach(function (c) { c.setAttribute("data-r0", c.getAttribute("r")); });
          var kmTexts = Array.prototype.slice.call(svg.querySelectorAll(".ck-km"));

          // ------------------------------------------------------------------ the view
          // The frame on screen, from the outer SVG's transform (an inner <svg>'s own client rect is the
          // box of its content, not of its viewport).
          function frameRect() {
            var m = svg.getScreenCTM();
            if (!m) return { left: 0, top: 0, width: 1, height: 1, right: 1, bottom: 1 };
            var left = m.e + m.a * home.x, top = m.f + m.d * home.y, width = m.a * home.w, height = m.d * home.h;
            return { left: left, top: top, width: width, height: height, right: left + width, bottom: top + height };
          }
          function zoom() { return home.w / cur.w; }
          function heightOf(w) { return w * home.h / home.w; }
          function setView(x, y, w) {
            w = Math.min(home.w, Math.max(home.w / MAX_ZOOM, w));
            var h = heightOf(w);
            x = Math.min(home.x + home.w - w / 2, Math.max(home.x - w / 2, x));
            y = Math.min(home.y + home.h - h / 2, Math.max(home.y - h / 2, y));
            if (w >= home.w) { x = home.x; y = home.y; }
            cur.x = x; cur.y = y; cur.w = w;
            view.setAttribute("viewBox", w >= home.w ? homeBox : x.toFixed(2) + " " + y.toFixed(2) + " " + w.toFixed(2) + " " + h.toFixed(2));
            if (!pending) pending = requestAnimationFrame(refresh);
          }
          function zoomAt(cx, cy, factor) {
            var w = Math.min(home.w, Math.max(home.w / MAX_ZOOM, cur.w / factor));
            var k = w / cur.w;
            setView(cx - (cx - cur.x) * k, cy - (cy - cur.y) * k, w);
          }
          function centreOn(cx, cy, w) { setView(cx - w / 2, cy - heightOf(w) / 2, w); }
          function reset() { setView(home.x, home.y, home.w); }
          function pxToCanvas() { var r = frameRect(); return r.width > 0 ? cur.w / r.width : 1; }
          function toCanvas(clientX, clientY) {
            var r = frameRect();
            return { x: cur.x + (clientX - r.left) / r.width * cur.w, y: cur.y + (clientY - r.top) / r.height * heightOf(cur.w) };
          }
          function inView(x, y, margin) {
            return x >= cur.x - margin && x <= cur.x + cur.w + margin && y >= cur.y - margin && y <= cur.y + heightOf(cur.w) + margin;
          }
          function fx(L, i) { return L.f[i][1] / 10; }
          function fy(L, i) { return L.f[i][2] / 10; }

          // ------------------------------------------------------------------ level of detail
          function refresh() {
            pending = 0;
            var z = zoom(), px = pxToCanvas();
            var r0 = D.sym, screenR = Math.min(r0 * Math.sqrt(z), Math.max(r0, 5));
            var k = screenR / (r0 * z);
            symbols.forEach(function (s) { if (z === 1) s.removeAttribute("transform"); else s.setAttribute("transform", "scale(" + k.toFixed(4) + ")"); });
            rings.forEach(function (c) { c.setAttribute("r", (z === 1 ? +c.getAttribute("data-r0") : (r0 + 2.5) * k).toFixed(3)); });
            layers.forEach(function (L) {
              if (L.kind !== "point") return;
              L.marks.forEach(function (m) {
                var i = +m.getAttribute("data-i");
                if (z === 1 || !L.f[i]) { m.removeAttribute("transform"); return; }
                var x = fx(L, i), y = fy(L, i);
                m.setAttribute("transform", "translate(" + x + " " + y + ") scale(" + (1 / z).toFixed(5) + ") translate(" + (-x) + " " + (-y) + ")");
              });
            });
            if (ticks) ticks.style.display = z > 1.0001 ? "none" : "";
            kmTexts.forEach(function (t) { t.textContent = km(+t.getAttribute("data-km") / z); });
            drawClusters(px);
            drawLabels(px, z);
            drawHighlight(px);
          }
          function km(v) {
            if (v < 1) return String(Math.round(v * 1000)) + " m";
            if (Math.abs(v - Math.round(v)) < 1e-9) return String(Math.round(v)) + " km";
            return (v < 10 ? v.toFixed(1) : String(Math.round(v))).replace(".", D.dec) + " km";
          }
          function drawClusters(px) {
            while (clusterGroup.firstChild) clusterGroup.removeChild(clusterGroup.firstChild);
            clusters = [];
            layers.forEach(function (L) {
              if (!L.cluster) return;
              var count = 0, n = L.f.length, i;
              if (L.on) for (i = 0; i < n; i++) if (inView(fx(L, i), fy(L, i), 0)) count++;
              var cluster = L.on && count > CLUSTER_LIMIT;
              if (cluster !== L.clustered || !L.on) {
                L.clustered = cluster;
                L.els.forEach(function (g) { g.style.display = L.on && !cluster ? "" : "none"; });
              }
              if (!cluster) return;
              var cell = CELL_PX * px, cells = {}, margin = cell;
              for (i = 0; i < n; i++) {
                var x = fx(L, i), y = fy(L, i);
                if (!inView(x, y, margin)) continue;
                var key = Math.floor(x / cell) + ":" + Math.floor(y / cell);
                var c = cells[key] || (cells[key] = { n: 0, ok: 0, x: 0, y: 0 });
                c.n++; c.ok += L.f[i][3]; c.x += x; c.y += y;
              }
              Object.keys(cells).sort().forEach(function (key) {
                var c = cells[key], x = c.x / c.n, y = c.y / c.n;
                var r = Math.min(4 + 1.3 * Math.log(c.n) / Math.LN2, 15) * px;
                var bad = 1 - c.ok / c.n;
                var fill = "rgb(" + Math.round(19 + bad * (215 - 19)) + "," + Math.round(138 + bad * (25 - 138)) + "," + Math.round(54 + bad * (28 - 54)) + ")";
                var g = el("g", { "data-cluster": L.id }, clusterGroup);
                el("circle", { cx: x, cy: y, r: r, fill: fill, "fill-opacity": "0.75", stroke: "#fff", "stroke-width": 1.2 * px }, g);
                var t = el("text", { x: x, y: y + 3.5 * px, "font-size": 10 * px, "font-weight": "bold", fill: "#fff", "text-anchor": "middle" }, g);
                t.textContent = String(c.n);
                clusters.push({ x: x, y: y, r: r });
              });
            });
          }
          function drawLabels(px, z) {
            while (labelGroup.firstChild) labelGroup.removeChild(labelGroup.firstChild);
            var dynamic = z > 1.5;
            if (staticLabels) staticLabels.style.display = showLabels && !dynamic ? "" : "none";
            if (!showLabels || !dynamic) return;
            var boxes = [], size = 12 * px;
            function free(b) {
              for (var j = 0; j < boxes.length; j++) {
                var o = boxes[j];
                if (b[0] < o[2] && o[0] < b[2] && b[1] < o[3] && o[1] < b[3]) return false;
              }
              boxes.push(b);
              return true;
            }
            function put(text, x, y, anchor, weight) {
              var w = text.length * size * 0.55, x0 = anchor === "middle" ? x - w / 2 : x;
              if (!free([x0, y - size, x0 + w, y + size * 0.3])) return;
              var t = el("text", { x: x, y: y, "font-size": size, "text-anchor": anchor, fill: "#222", stroke: "#fff",
                "stroke-width": 3 * px, "paint-order": "stroke", "stroke-linejoin": "round" }, labelGroup);
              if (weight) t.setAttribute("font-weight", weight);
              t.textContent = text;
            }
            layers.forEach(function (L) {
              if (!L.on || L.kind !== "shape" || L.id !== "areas") return;
              L.f.forEach(function (f, i) { if (inView(fx(L, i), fy(L, i), 0)) put(S[f[0]], fx(L, i), fy(L, i) + size * 0.35, "middle", "bold"); });
            });
            layers.forEach(function (L) {
              if (!L.on || L.kind !== "point" || L.clustered || !L.search) return;
              var shown = [];
              for (var i = 0; i < L.f.length; i++) if (inView(fx(L, i), fy(L, i), 0)) shown.push(i);
              if (shown.length > NAME_LIMIT) return;
              shown.forEach(function (i) { put(S[L.f[i][0]], fx(L, i) + 7 * px, fy(L, i) + size * 0.35, "start"); });
            });
          }

          // ------------------------------------------------------------------ picking and the info panel
          var info = html("div", "ck-info ck-screen", figure);
          info.id = "ck-info";
          info.hidden = true;
          info.setAttribute("role", "status");
          function markOf(L, i) {
            for (var j = 0; j < L.marks.length; j++) if (+L.marks[j].getAttribute("data-i") === i) return L.marks[j];
            return null;
          }
          function show(L, i) {
            selected = { L: L, i: i };
            var f = L.f[i];
            info.textContent = "";
            info.setAttribute("data-layer", L.id);
            info.setAttribute("data-i", String(i));
            var close = html("button", "ck-close", info, "\u00d7");
            close.type = "button";
            close.title = U.close;
            close.addEventListener("click", hide);
            html("small", null, info, L.title);
            html("h3", null, info, S[f[0]]);
            var table = html("table", null, info);
            L.fields.forEach(function (label, j) {
              var row = html("tr", null, table);
              html("th", null, row, label);
              html("td", null, row, S[f[L.first + j]]);
            });
            info.hidden = false;
            drawHighlight(pxToCanvas());
          }
          function hide() { selected = null; info.hidden = true; drawHighlight(pxToCanvas()); }
          function drawHighlight(px) {
            while (highlight.firstChild) highlight.removeChild(highlight.firstChild);
            if (!selected) return;
            var L = selected.L, i = selected.i;
            if (L.kind === "point") {
              el("circle", { cx: fx(L, i), cy: fy(L, i), r: 9 * px, fill: "none", stroke: "#00bcd4", "stroke-width": 3 * px }, highlight);
              return;
            }
            var mark = markOf(L, i);
            if (!mark) return;
            var copy = mark.cloneNode(false);
            copy.removeAttribute("data-i");
            copy.setAttribute("fill", "none");
            copy.setAttribute("stroke", "#00bcd4");
            copy.setAttribute("stroke-width", String(3 * px));
            highlight.appendChild(copy);
          }
          function pick(clientX, clientY) {
            var p = toCanvas(clientX, clientY), px = pxToCanvas(), j, i;
            for (j = clusters.length - 1; j >= 0; j--) {
              var c = clusters[j];
              if (Math.hypot(c.x - p.x, c.y - p.y) <= c.r) { zoomAt(c.x, c.y, 4); return; }
            }
            var best = null, bestD = 10 * px;
            for (j = layers.length - 1; j >= 0; j--) {
              var L = layers[j];
              if (!L.on || L.kind !== "point" || L.clustered) continue;
              for (i = 0; i < L.f.length; i++) {
                var d = Math.hypot(fx(L, i) - p.x, fy(L, i) - p.y);
                if (d < bestD || (d === bestD && best && best.L !== L)) { bestD = d; best = { L: L, i: i }; }
              }
              if (best) break;
            }
            if (best) { show(best.L, best.i); return; }
            var hits = document.elementsFromPoint(clientX, clientY);
            for (j = 0; j < hits.length; j++) {
              var mark = hits[j].closest ? hits[j].closest("[data-i]") : null;
              var group = mark ? mark.closest("[data-layer]") : null;
              var layer = group ? byId[group.getAttribute("data-layer")] : null;
              if (layer && layer.on && layer.kind === "shape") { show(layer, +mark.getAttribute("data-i")); return; }
            }
            hide();
          }
          function zoomTo(L, i) {
            var f = L.f[i];
            if (L.kind === "shape") {
              var w = Math.max((f[6] - f[4]) / 10, (f[7] - f[5]) / 10 * home.w / home.h) * 1.4;
              centreOn((f[4] + f[6]) / 20, (f[5] + f[7]) / 20, Math.max(w, home.w / MAX_ZOOM));
            } else {
              centreOn(fx(L, i), fy(L, i), home.w / 16);
            }
            show(L, i);
          }

          // ------------------------------------------------------------------ the toolbar
          var bar = html("div", "ck-ui ck-screen", null);
          figure.insertBefore(bar, figure.firstChild);
          var searchBox = html("div", "ck-search", bar);
          var input = html("input", null, searchBox);
          input.type = "search";
          input.id = "ck-search";
          input.placeholder = U.search;
          input.setAttribute("aria-label", U.search);
          input.autocomplete = "off";
          var results = html("ul", "ck-results", searchBox);
          results.hidden = true;
          function button(text, title, action) {
            var b = html("button", null, bar, text);
            b.type = "button";
            b.title = title;
            b.setAttribute("aria-label", title);
            b.addEventListener("click", action);
            return b;
          }
          button("+", U.zoomIn, function () { zoomAt(cur.x + cur.w / 2, cur.y + heightOf(cur.w) / 2, 2); });
          button("\u2212", U.zoomOut, function () { zoomAt(cur.x + cur.w / 2, cur.y + heightOf(cur.w) / 2, 0.5); });
          button(U.reset, U.reset, function () { reset(); hide(); }).id = "ck-reset";
          var toggles = html("fieldset", "ck-layers", bar);
          html("legend", null, toggles, U.layers);
          function toggle(label, id, on, change) {
            var l = html("label", null, toggles);
            var box = html("input", null, l);
            box.type = "checkbox";
            box.checked = on;
            box.setAttribute("data-toggle", id);
            box.addEventListener("change", function () { change(box.checked); });
            l.appendChild(document.createTextNode(" " + label));
          }
          layers.forEach(function (L) {
            if (!L.els.length) return;
            toggle(L.title, L.id, true, function (on) {
              L.on = on;
              L.els.forEach(function (g) { g.style.display = on ? "" : "none"; });
              L.clustered = false;
              if (!on && selected && selected.L === L) hide();
              refresh();
            });
          });
          toggle(U.labels, "labels", true, function (on) { showLabels = on; refresh(); });
          var help = html("p", "ck-help", bar, U.help);
          if (layers.some(function (L) { return L.cluster && L.f.length > CLUSTER_LIMIT; })) help.textContent += " " + U.clusterNote;

          var index = [];
          layers.forEach(function (L) {
            if (!L.search) return;
            L.f.forEach(function (f, i) {
              var key = S[f[0]];
              if (L.keys && L.keys[i] !== undefined) key += "\n" + S[L.keys[i]];
              index.push({ L: L, i: i, key: key.toLowerCase() });
            });
          });
          var found = [];
          function search() {
            var q = input.value.trim().toLowerCase();
            results.textContent = "";
            found = [];
            if (!q) { results.hidden = true; return; }
            var starts = [], contains = [];
            for (var j = 0; j < index.length && starts.length < 8; j++) {
              var at = index[j].key.indexOf(q);
              if (at === 0) starts.push(index[j]); else if (at > 0 && contains.length < 8) contains.push(index[j]);
            }
            found = starts.concat(contains).slice(0, 8);
            if (!found.length) html("li", "ck-none", results, U.noMatch);
            found.forEach(function (hit) {
              var b = html("button", null, html("li", null, results), S[hit.L.f[hit.i][0]]);
              b.type = "button";
              html("small", null, b, " " + hit.L.title);
              b.addEventListener("click", function () { choose(hit); });
            });
            results.hidden = false;
          }
          function choose(hit) { results.hidden = true; zoomTo(hit.L, hit.i); }
          input.addEventListener("input", search);
          input.addEventListener("keydown", function (e) {
            if (e.key === "Enter") { search(); if (found.length) choose(found[0]); e.preventDefault(); }
            if (e.key === "Escape") { results.hidden = true; }
          });

          // ------------------------------------------------------------------ mouse, touch and keys
          svg.setAttribute("tabindex", "0");
          svg.classList.add("ck-live");
          function inFrame(e) {
            var r = frameRect();
            return e.clientX >= r.left && e.clientX <= r.right && e.clientY >= r.top && e.clientY <= r.bottom;
          }
          svg.addEventListener("wheel", function (e) {
            if (!inFrame(e)) return;
            e.preventDefault();
            var p = toCanvas(e.clientX, e.clientY);
            var dy = e.deltaMode === 1 ? e.deltaY * 40 : e.deltaY;
            zoomAt(p.x, p.y, Math.exp(-dy * 0.002));
          }, { passive: false });
          var pointers = {}, gesture = null;
          function pointerList() { return Object.keys(pointers).map(function (k) { return pointers[k]; }); }
          function startGesture() {
            var list = pointerList();
            if (!list.length) { gesture = null; return; }
            var mid = { x: 0, y: 0 };
            list.forEach(function (p) { mid.x += p.x / list.length; mid.y += p.y / list.length; });
            var spread = list.length > 1 ? Math.hypot(list[0].x - list[1].x, list[0].y - list[1].y) : 0;
            gesture = { mid: mid, spread: spread, view: { x: cur.x, y: cur.y, w: cur.w }, at: toCanvas(mid.x, mid.y), moved: gesture ? gesture.moved : 0, count: list.length };
          }
          svg.addEventListener("pointerdown", function (e) {
            if (!inFrame(e) || e.button > 0) return;
            pointers[e.pointerId] = { x: e.clientX, y: e.clientY };
            if (svg.setPointerCapture) svg.setPointerCapture(e.pointerId);
            if (pointerList().length === 1) gesture = null;
            startGesture();
            svg.focus({ preventScroll: true });
          });
          svg.addEventListener("pointermove", function (e) {
            if (!pointers[e.pointerId] || !gesture) return;
            pointers[e.pointerId] = { x: e.clientX, y: e.clientY };
            var list = pointerList(), mid = { x: 0, y: 0 };
            list.forEach(function (p) { mid.x += p.x / list.length; mid.y += p.y / list.length; });
            gesture.moved = Math.max(gesture.moved, Math.hypot(mid.x - gesture.mid.x, mid.y - gesture.mid.y));
            var r = frameRect(), g = gesture.view, w = g.w;
            if (list.length > 1 && gesture.spread > 0) {
              var spread = Math.hypot(list[0].x - list[1].x, list[0].y - list[1].y);
              w = g.w * gesture.spread / Math.max(spread, 1);
              gesture.moved = Math.max(gesture.moved, 10);
            }
            w = Math.min(home.w, Math.max(home.w / MAX_ZOOM, w));
            var unit = w / r.width;
            setView(gesture.at.x - (mid.x - r.left) * unit, gesture.at.y - (mid.y - r.top) * unit, w);
          });
          function pointerEnd(e) {
            if (!pointers[e.pointerId]) return;
            var wasClick = gesture && gesture.count === 1 && gesture.moved < 5 && pointerList().length === 1 && e.type === "pointerup";
            delete pointers[e.pointerId];
            var moved = gesture ? gesture.moved : 0;
            startGesture();
            if (gesture) gesture.moved = moved;
            if (wasClick) pick(e.clientX, e.clientY);
          }
          svg.addEventListener("pointerup", pointerEnd);
          svg.addEventListener("pointercancel", pointerEnd);
          svg.addEventListener("keydown", function (e) {
            var cx = cur.x + cur.w / 2, cy = cur.y + heightOf(cur.w) / 2, step = cur.w * 0.15;
            var keys = {
              "+": function () { zoomAt(cx, cy, 1.5); }, "=": function () { zoomAt(cx, cy, 1.5); },
              "-": function () { zoomAt(cx, cy, 1 / 1.5); }, "_": function () { zoomAt(cx, cy, 1 / 1.5); },
              "ArrowLeft": function () { setView(cur.x - step, cur.y, cur.w); }, "ArrowRight": function () { setView(cur.x + step, cur.y, cur.w); },
              "ArrowUp": function () { setView(cur.x, cur.y - step, cur.w); }, "ArrowDown": function () { setView(cur.x, cur.y + step, cur.w); },
              "0": reset, "Home": reset, "Escape": hide
            };
            if (keys[e.key] && !e.ctrlKey && !e.metaKey && !e.altKey) { keys[e.key](); e.preventDefault(); }
          });

          // ------------------------------------------------------------------ printing: the whole map
          var saved = null;
          function beforePrint() {
            if (printing) return;
            printing = true;
            saved = { x: cur.x, y: cur.y, w: cur.w };
            cur.x = home.x; cur.y = home.y; cur.w = home.w;
            view.setAttribute("viewBox", homeBox);
            refresh();
          }
          function afterPrint() {
            if (!printing) return;
            printing = false;
            if (saved) setView(saved.x, saved.y, saved.w);
          }
          window.addEventListener("beforeprint", beforePrint);
          window.addEventListener("afterprint", afterPrint);
          if (window.matchMedia) {
            var media = window.matchMedia("print");
            var onMedia = function (m) { if (m.matches) beforePrint(); else afterPrint(); };
            if (media.addEventListener) media.addEventListener("change", onMedia);
          }

          refresh();
          document.documentElement.setAttribute("data-ck-ready", String(Math.round(performance.now())));
        })();
        """#
}
