// The live dashboard: reads /events (one JSON event per closed second) and redraws the charts.
// Names reach the DOM only as text (textContent, uPlot's legend labels), never as markup.
(function () {
  "use strict";
  var WINDOW_SECONDS = 600;
  var COLORS = ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"];
  var received = 0;

  // A chart whose series appear as their keys first arrive; uPlot is rebuilt when the key set grows.
  function LiveChart(id) {
    this.el = document.getElementById(id);
    this.unit = this.el.getAttribute("data-unit");
    this.seconds = [];
    this.keys = [];
    this.columns = {};
    this.plot = null;
  }

  LiveChart.prototype.push = function (second, values) {
    var self = this;
    var grew = false;
    Object.keys(values).forEach(function (key) {
      if (!Object.prototype.hasOwnProperty.call(self.columns, key)) {
        self.keys.push(key);
        self.columns[key] = self.seconds.map(function () { return null; });
        grew = true;
      }
    });
    this.seconds.push(second);
    this.keys.forEach(function (key) {
      self.columns[key].push(Object.prototype.hasOwnProperty.call(values, key) ? values[key] : null);
    });
    if (this.seconds.length > WINDOW_SECONDS) {
      this.seconds.shift();
      this.keys.forEach(function (key) { self.columns[key].shift(); });
    }
    if (this.keys.length === 0) {
      return;
    }
    if (grew || this.plot === null) {
      this.build();
    } else {
      this.plot.setData(this.data());
    }
  };

  LiveChart.prototype.data = function () {
    var self = this;
    return [this.seconds.slice()].concat(this.keys.map(function (key) { return self.columns[key].slice(); }));
  };

  LiveChart.prototype.build = function () {
    if (this.plot !== null) {
      this.plot.destroy();
    }
    var series = [{ label: "second" }].concat(this.keys.map(function (key, i) {
      return { label: key, stroke: COLORS[i % COLORS.length], width: 1.5, spanGaps: false };
    }));
    var width = Math.max(320, this.el.clientWidth || 800);
    this.plot = new uPlot({
      width: width,
      height: 220,
      scales: { x: { time: false }, y: { range: function (u, min, max) { return [0, Math.max(1, max * 1.1)]; } } },
      axes: [{ label: "second of the load test", space: 90 }, { label: this.unit, size: 60 }],
      series: series
    }, this.data(), this.el);
  };

  var charts = {};
  ["rate", "throughput", "errors", "p50", "p95", "p99", "concurrency", "sut"].forEach(function (name) {
    charts[name] = new LiveChart(name + "-chart");
  });

  function text(id, value) {
    document.getElementById(id).textContent = value;
  }

  function percentiles(latency, field) {
    var values = {};
    Object.keys(latency).forEach(function (name) { values[name] = latency[name][field]; });
    return values;
  }

  function errors(event) {
    var values = {};
    Object.keys(event.errorsByStatus).forEach(function (status) {
      values["status " + status] = event.errorsByStatus[status];
    });
    return values;
  }

  function latencyTable(latency) {
    var body = document.querySelector("#latency-table tbody");
    while (body.firstChild) {
      body.removeChild(body.firstChild);
    }
    Object.keys(latency).forEach(function (name) {
      var row = document.createElement("tr");
      var p = latency[name];
      [name, String(p.count), p.p50LatencyMillis.toFixed(1), p.p95LatencyMillis.toFixed(1), p.p99LatencyMillis.toFixed(1)]
        .forEach(function (value) {
          var cell = document.createElement("td");
          cell.textContent = value;
          row.appendChild(cell);
        });
      body.appendChild(row);
    });
  }

  function show(event) {
    received += 1;
    text("events-received", String(received));
    text("phase", event.phase);
    text("second", String(event.second));
    text("in-flight", String(event.inFlight));
    charts.rate.push(event.second, { "target": event.targetRatePerSecond, "achieved (sent)": event.startedPerSecond });
    charts.throughput.push(event.second, { "completed": event.completedPerSecond, "failed": event.failedPerSecond });
    charts.errors.push(event.second, errors(event));
    charts.p50.push(event.second, percentiles(event.latency, "p50LatencyMillis"));
    charts.p95.push(event.second, percentiles(event.latency, "p95LatencyMillis"));
    charts.p99.push(event.second, percentiles(event.latency, "p99LatencyMillis"));
    charts.concurrency.push(event.second, { "mean in flight": event.meanConcurrency, "in flight at close": event.inFlight });
    latencyTable(event.latency);
    if (event.systemUnderTest) {
      document.getElementById("sut-section").hidden = false;
      charts.sut.push(event.second, { "queue length": event.systemUnderTest.queueLength, "busy workers": event.systemUnderTest.busyWorkers });
    }
  }

  var source = new EventSource("events");
  source.onopen = function () { text("connection", "live"); };
  source.onmessage = function (message) { show(JSON.parse(message.data)); };
  source.addEventListener("end", function () {
    text("connection", "the load test is over");
    source.close();
  });
  source.onerror = function () {
    if (source.readyState !== EventSource.CLOSED) {
      text("connection", "reconnecting…");
    }
  };
})();
