// SPDX-License-Identifier: GPL-3.0-or-later

/// Lines through points on two numeric axes, with vertical markers: the envelope frontier
/// (funded ESSMS and acquisitions against the envelope), the ESSMS–acquisition trade-off.
public struct LineChart: Sendable {
    public struct Series: Sendable, Hashable {
        public var name: String
        public var points: [Point]
        /// Dots at each point (and a step line when `steps`).
        public var steps: Bool
        public init(name: String, points: [Point], steps: Bool = false) {
            self.name = name
            self.points = points
            self.steps = steps
        }
    }

    public struct Point: Sendable, Hashable {
        public var x: Double
        public var y: Double
        public init(_ x: Double, _ y: Double) {
            self.x = x
            self.y = y
        }
    }

    public struct Marker: Sendable, Hashable {
        public var x: Double
        public var label: String
        public init(x: Double, label: String) {
            self.x = x
            self.label = label
        }
    }

    public var title: String
    public var xUnit: ChartUnit
    public var yUnit: ChartUnit
    public var xTitle: String
    public var yTitle: String
    public var series: [Series]
    public var markers: [Marker]
    /// Start the y axis at 0 (counts) rather than at the data's minimum.
    public var yFromZero: Bool

    public init(title: String, xUnit: ChartUnit, yUnit: ChartUnit, xTitle: String, yTitle: String, series: [Series],
                markers: [Marker] = [], yFromZero: Bool = true) {
        self.title = title
        self.xUnit = xUnit
        self.yUnit = yUnit
        self.xTitle = xTitle
        self.yTitle = yTitle
        self.series = series
        self.markers = markers
        self.yFromZero = yFromZero
    }

    public func svg(_ f: ReportFormat, width: Double = 760, height: Double = 360) -> String {
        var c = SVGCanvas(width: width, height: height, title: title)
        let all = series.flatMap(\.points)
        let xs = all.map(\.x) + markers.map(\.x), ys = all.map(\.y)
        let integerY: Bool
        if case .count = yUnit { integerY = true } else { integerY = false }
        let integerX: Bool
        if case .count = xUnit { integerX = true } else { integerX = false }
        let xTicks = NiceScale.ticks(low: xs.min() ?? 0, high: xs.max() ?? 1, count: 5, integer: integerX)
        let yTicks = NiceScale.ticks(low: yFromZero ? min(0, ys.min() ?? 0) : (ys.min() ?? 0), high: ys.max() ?? 1,
                                     count: 5, integer: integerY)
        let yLabelWidth = (yTicks.map { SVGCanvas.textWidth(yUnit.tick($0, f), size: 11) }.max() ?? 30)
        let left = yLabelWidth + 40, right = width - 24, top = 56.0, bottom = height - 56
        let x0 = xTicks.first ?? 0, x1 = xTicks.last ?? 1, y0 = yTicks.first ?? 0, y1 = yTicks.last ?? 1
        func px(_ v: Double) -> Double { left + (right - left) * (v - x0) / (x1 - x0 == 0 ? 1 : x1 - x0) }
        func py(_ v: Double) -> Double { bottom - (bottom - top) * (v - y0) / (y1 - y0 == 0 ? 1 : y1 - y0) }
        c.legend(series.enumerated().map { ($0.element.name, .line, SVGCanvas.palette[$0.offset % SVGCanvas.palette.count]) }
                 + markers.prefix(1).map { _ in (markers[0].label, .dashed, SVGCanvas.targetColor) }, y: 38)
        for t in yTicks {
            c.line(left, py(t), right, py(t), stroke: SVGCanvas.gridColor)
            c.text(yUnit.tick(t, f), x: left - 6, y: py(t) + 4, anchor: "end", size: 11)
        }
        for t in xTicks {
            c.line(px(t), bottom, px(t), bottom + 4, stroke: SVGCanvas.inkColor)
            c.text(xUnit.tick(t, f), x: px(t), y: bottom + 18, anchor: "middle", size: 11)
        }
        c.line(left, top, left, bottom, stroke: SVGCanvas.inkColor)
        c.line(left, bottom, right, bottom, stroke: SVGCanvas.inkColor)
        c.text(xTitle, x: (left + right) / 2, y: height - 12, anchor: "middle", weight: "bold")
        c.text(yTitle, x: 16, y: (top + bottom) / 2, anchor: "middle", weight: "bold", rotate: -90)
        for m in markers {
            c.line(px(m.x), top, px(m.x), bottom, stroke: SVGCanvas.targetColor, width: 1.5, dash: "5 3")
        }
        for (k, s) in series.enumerated() where !s.points.isEmpty {
            let color = SVGCanvas.palette[k % SVGCanvas.palette.count]
            var path = ""
            for (i, p) in s.points.enumerated() {
                if i == 0 {
                    path += "M\(SVGCanvas.n(px(p.x))) \(SVGCanvas.n(py(p.y)))"
                } else {
                    if s.steps { path += " H\(SVGCanvas.n(px(p.x)))" }
                    path += " L\(SVGCanvas.n(px(p.x))) \(SVGCanvas.n(py(p.y)))"
                }
            }
            c.add("<path d=\"\(path)\" fill=\"none\" stroke=\"\(color)\" stroke-width=\"2.5\"/>")
            for p in s.points {
                c.add("<circle cx=\"\(SVGCanvas.n(px(p.x)))\" cy=\"\(SVGCanvas.n(py(p.y)))\" r=\"3\" fill=\"\(color)\"><title>"
                      + Markup.escape("\(s.name) : \(yUnit.label(p.y, f)) — \(xUnit.label(p.x, f))") + "</title></circle>")
            }
        }
        return c.rendered()
    }
}
