// SPDX-License-Identifier: GPL-3.0-or-later

/// The Monte-Carlo charts: a histogram with its p5/p50/p95, and a tornado.
public enum DistributionCharts {
    /// Bars of the bins' draws, dashed lines at p5, p50 and p95 labelled with their value.
    public static func histogram(_ h: HistogramData, yTitle: String, _ f: ReportFormat, width: Double = 760,
                                 height: Double = 340) -> String {
        var c = SVGCanvas(width: width, height: height, title: h.title)
        let low = min(h.bins.map(\.low).min() ?? 0, h.p5), high = max(h.bins.map(\.high).max() ?? 1, h.p95)
        let xTicks = NiceScale.ticks(low: low, high: high, count: 5)
        let yTicks = NiceScale.ticks(low: 0, high: Double(h.bins.map(\.count).max() ?? 1), count: 4, integer: true)
        let yLabelWidth = yTicks.map { SVGCanvas.textWidth(f.integer(Int($0)), size: 11) }.max() ?? 30
        let left = yLabelWidth + 40, right = width - 24, top = 72.0, bottom = height - 56
        let x0 = xTicks.first ?? 0, x1 = xTicks.last ?? 1, y1 = yTicks.last ?? 1
        func px(_ v: Double) -> Double { left + (right - left) * (v - x0) / (x1 - x0 == 0 ? 1 : x1 - x0) }
        func py(_ v: Double) -> Double { bottom - (bottom - top) * v / (y1 == 0 ? 1 : y1) }
        for t in yTicks {
            c.line(left, py(t), right, py(t), stroke: SVGCanvas.gridColor)
            c.text(f.integer(Int(t)), x: left - 6, y: py(t) + 4, anchor: "end", size: 11)
        }
        for t in xTicks {
            c.line(px(t), bottom, px(t), bottom + 4, stroke: SVGCanvas.inkColor)
            c.text(h.unit.tick(t, f), x: px(t), y: bottom + 18, anchor: "middle", size: 11)
        }
        for b in h.bins {
            c.rect(x: px(b.low) + 0.5, y: py(Double(b.count)), w: px(b.high) - px(b.low) - 1, h: bottom - py(Double(b.count)),
                   fill: SVGCanvas.palette[0])
        }
        c.line(left, top - 8, left, bottom, stroke: SVGCanvas.inkColor)
        c.line(left, bottom, right, bottom, stroke: SVGCanvas.inkColor)
        for (name, v) in [("p5", h.p5), ("p50", h.p50), ("p95", h.p95)] {
            c.line(px(v), top - 8, px(v), bottom, stroke: SVGCanvas.targetColor, width: 1.5, dash: "5 3")
            c.text("\(name) : \(h.unit.label(v, f))", x: px(v), y: top - 12 - (name == "p50" ? 12 : 0), anchor: "middle",
                   size: 11, fill: SVGCanvas.targetColor)
        }
        c.text(h.unit.axisUnit == "€" ? f(.axisAmount) : h.unit.axisUnit, x: (left + right) / 2,
               y: height - 12, anchor: "middle", weight: "bold")
        c.text(yTitle, x: 16, y: (top + bottom) / 2, anchor: "middle", weight: "bold", rotate: -90)
        return c.rendered()
    }

    /// One bar per input from its low to its high output, around the base value (a line);
    /// rows drawn widest first.
    public static func tornado(_ t: TornadoData, lowLabel: String, highLabel: String, _ f: ReportFormat,
                               width: Double = 760) -> String {
        let rows = t.rows.sorted { abs($0.high - $0.low) > abs($1.high - $1.low) }
        let rowHeight = 24.0
        let labelWidth = min(280, (rows.map { SVGCanvas.textWidth($0.label) }.max() ?? 40) + 12)
        let left = labelWidth + 8, right = width - 24, top = 56.0
        let plotHeight = rowHeight * Double(max(1, rows.count))
        let height = top + plotHeight + 52
        var c = SVGCanvas(width: width, height: height, title: t.title)
        let values = rows.flatMap { [$0.low, $0.high] } + [t.base]
        let ticks = NiceScale.ticks(low: values.min() ?? 0, high: values.max() ?? 1, count: 4)
        let x0 = ticks.first ?? 0, x1 = ticks.last ?? 1
        func px(_ v: Double) -> Double { left + (right - left) * (v - x0) / (x1 - x0 == 0 ? 1 : x1 - x0) }
        c.legend([(lowLabel, .box, SVGCanvas.palette[1]), (highLabel, .box, SVGCanvas.palette[0])], y: 38)
        for tick in ticks {
            c.line(px(tick), top - 4, px(tick), top + plotHeight, stroke: SVGCanvas.gridColor)
            c.text(t.unit.tick(tick, f), x: px(tick), y: top + plotHeight + 16, anchor: "middle", size: 11)
        }
        for (i, r) in rows.enumerated() {
            let y = top + Double(i) * rowHeight + 4
            c.text(r.label, x: left - 8, y: y + 12, anchor: "end")
            // The low input's side and the high input's side of the base, each in its colour.
            c.rect(x: min(px(r.low), px(t.base)), y: y, w: abs(px(r.low) - px(t.base)), h: rowHeight - 8, fill: SVGCanvas.palette[1])
            c.rect(x: min(px(r.high), px(t.base)), y: y, w: abs(px(r.high) - px(t.base)), h: rowHeight - 8, fill: SVGCanvas.palette[0])
        }
        c.line(px(t.base), top - 6, px(t.base), top + plotHeight, stroke: SVGCanvas.inkColor, width: 1.5)
        c.text(f(.chartBase) + t.unit.label(t.base, f), x: px(t.base), y: top + plotHeight + 34,
               anchor: "middle", size: 11)
        return c.rendered()
    }
}
