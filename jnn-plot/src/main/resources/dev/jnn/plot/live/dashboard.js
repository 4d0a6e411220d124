// The live page: one EventSource on /events, four Chart.js line charts. Each canvas carries data-points, the
// number of epochs it shows, so that tests (and curious users) can read the progress from the DOM.
"use strict";

const charts = {};
const series = {
  loss: ["loss", "val_loss"],
  score: ["validation_score", "accuracy", "val_accuracy", "mae", "val_mae"],
  rate: ["learning_rate"],
  seconds: ["seconds"],
};
const colours = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd"];

function chart(id) {
  if (!charts[id]) {
    charts[id] = new Chart(document.getElementById(id), {
      type: "line",
      data: { labels: [], datasets: [] },
      options: { animation: false, responsive: true, scales: { x: { title: { display: true, text: "epoch" } } } },
    });
  }
  return charts[id];
}

function addEpoch(e) {
  for (const [id, keys] of Object.entries(series)) {
    const c = chart(id);
    c.data.labels.push(e.epoch);
    for (const k of keys) {
      if (e[k] === undefined || e[k] === null) continue;
      let d = c.data.datasets.find((s) => s.label === k);
      if (!d) {
        d = { label: k, data: [], borderColor: colours[c.data.datasets.length % colours.length], pointRadius: 1 };
        c.data.datasets.push(d);
      }
      d.data.push({ x: e.epoch, y: e[k] });
    }
    c.update("none");
    document.getElementById(id).dataset.points = String(c.data.labels.length);
  }
  const of = e.of ? " of " + e.of : "";
  document.getElementById("status").textContent = "epoch " + e.epoch + of + ", loss " + Number(e.loss).toFixed(6);
}

// jnn dashboard DIR: one event per saved run, each series drawn whole, one line per run and series.
function addRun(r) {
  const runs = Number(document.body.dataset.runs || "0") + 1;
  for (const [id, keys] of Object.entries(series)) {
    const c = chart(id);
    for (const k of keys) {
      if (!Array.isArray(r[k])) continue;
      const n = c.data.datasets.length;
      c.data.datasets.push({ label: r.name + " " + k, data: r[k].map((y, i) => ({ x: i + 1, y: y })),
        borderColor: colours[n % colours.length], pointRadius: 0 });
      c.data.labels = Array.from({ length: Math.max(c.data.labels.length, r[k].length) }, (_, i) => i + 1);
    }
    c.options.scales.x.type = "linear";
    c.update("none");
    document.getElementById(id).dataset.points = String(c.data.labels.length);
  }
  document.body.dataset.runs = String(runs);
  const score = r.test_accuracy !== undefined ? "test accuracy " + r.test_accuracy
    : r.test_r2 !== undefined ? "test R² " + r.test_r2 : "";
  const row = document.getElementById("metrics").insertRow();
  row.insertCell().textContent = r.name;
  row.insertCell().textContent = score;
}

// A search: each finished fit adds its split's score to its candidate's bar (the mean over the splits so far).
const scores = [];
let searchChart = null;
function addFit(f) {
  if (!searchChart) {
    document.getElementById("search-section").hidden = false;
    searchChart = new Chart(document.getElementById("search"), {
      type: "bar",
      data: { labels: [], datasets: [{ label: "mean test score", data: [], backgroundColor: colours[0] }] },
      options: { animation: false, responsive: true },
    });
  }
  while (scores.length <= f.candidate) {
    scores.push([]);
    searchChart.data.labels.push("");
    searchChart.data.datasets[0].data.push(null);
  }
  if (f.test_score !== null) scores[f.candidate].push(f.test_score);
  const s = scores[f.candidate];
  searchChart.data.labels[f.candidate] = f.params;
  searchChart.data.datasets[0].data[f.candidate] = s.length ? s.reduce((a, b) => a + b, 0) / s.length : null;
  searchChart.update("none");
  document.getElementById("search").dataset.points = String(f.done);
  document.getElementById("status").textContent = f.done + " of " + f.total + " fits";
}

function showEnd(e) {
  document.body.dataset.state = "ended";
  document.getElementById("status").textContent = "finished";
  const table = document.getElementById("metrics");
  for (const [k, v] of Object.entries(e)) {
    if (k === "type" || typeof v === "object" || k === "figures") continue;
    const row = table.insertRow();
    row.insertCell().textContent = k;
    row.insertCell().textContent = typeof v === "number" ? Number(v.toPrecision(6)).toString() : v;
  }
  if (Array.isArray(e.confusion_matrix)) {
    const labels = e.classes || e.confusion_matrix.map((_, i) => String(i));
    const t = document.createElement("table");
    const head = t.insertRow();
    head.insertCell().textContent = "true \\ predicted";
    labels.forEach((l) => { head.insertCell().textContent = l; });
    e.confusion_matrix.forEach((r, i) => {
      const row = t.insertRow();
      row.insertCell().textContent = labels[i];
      r.forEach((n) => { row.insertCell().textContent = n; });
    });
    document.getElementById("confusion").appendChild(t);
  }
  for (const kind of e.figures || []) {             // the figures of --plots, drawn at the end
    const img = document.createElement("img");
    img.src = "/figures/" + kind + ".png";
    img.alt = kind;
    document.getElementById("figures").appendChild(img);
  }
  document.getElementById("report").hidden = false;
  for (const id of Object.keys(series)) {          // a chart that got no values (a search, no rate): hide it
    if (!charts[id] || charts[id].data.datasets.length === 0) {
      document.getElementById(id).closest("section").hidden = true;
    }
  }
}

const source = new EventSource("/events");
source.onmessage = (m) => {
  const e = JSON.parse(m.data);
  if (e.type === "start") {
    document.getElementById("title").textContent = e.title;
    document.title = e.title + " — jnn";
    document.body.dataset.state = "running";
  } else if (e.type === "epoch") {
    addEpoch(e);
  } else if (e.type === "run") {
    addRun(e);
  } else if (e.type === "fit") {
    addFit(e);
  } else if (e.type === "end") {
    showEnd(e);
    source.close();
  }
};
