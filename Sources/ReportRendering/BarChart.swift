// SPDX-License-Identifier: GPL-3.0-or-later

/// Horizontal bars, one group per row and one bar per series, with an optional target per row
/// (a tick) and its tolerance band (a grey box behind the bars): money by département or by
/// sector against its target share, the regions' released / received / funded AE.
public struct BarChart: Sendable {
    public struct Row: Sendable, Hashable {
        public var label: String
        /// One value per series.
        public var values: [Double]
        public var target: Double?
        public var band: ClosedRange<Double>?
        /// Drawn in the target's colour when outside its band.
        public var flagged: Bool

        public init(label: String, values: [Double], target: Double? = nil, band: ClosedRange<Double>? = nil,
                    flagged: Bool = false) {
            self.label = label
            self.values = values
            self.target = target
            self.band = band
            self.flagged = flagged
        }
    }

    public var title: String
    public var unit: ChartUnit
    /// The x axis title, e.g. "Montant (€)".
    public var axisTitle: String
    public var series: [String]
    public var rows: [Row]
    /// Legend labels of the target and of the band (when rows have them).
    public var targetLabel: String
    public var bandLabel: String

    public init(title: String, unit: ChartUnit, axisTitle: String, series: [String], rows: [Row],
                targetLabel: String = "", bandLabel: String = "") {
        self.title = title
        self.unit = unit
        self.axisTitle = axisTitle
        self.series = series
        self.rows = rows
        self.targetLabel = targetLabel
        self.bandLabel = bandLabel
    }

    public func svg(_ f: ReportFormat, width: Double = 760) -> String {
        let barHeight = 14.0, gap = 10.0
        let groupHeight = barHeight * Double(max(1, series.count)) + gap
        let labelWidth = min(260, (rows.map { SVGCanvas.textWidth($0.label) }.max() ?? 40) + 12)
        let valueRoom = 110.0
        let top = 52.0, left = labelWidth + 8, right = width - valueRoom
        let plotHeight = groupHeight * Double(max(1, rows.count))
        let height = top + plotHeight + 50
        var c = SVGCanvas(width: width, height: height, title: title)
        let maxValue = rows.flatMap { $0.values + [$0.target ?? 0, $0.band?.upperBound ?? 0] }.max() ?? 0
        let ticks = NiceScale.ticks(low: 0, high: max(maxValue, 1), count: 4)
        let top_ = ticks.last ?? 1
        func x(_ v: Double) -> Double { left + (right - left) * max(0, v) / top_ }
        var legend: [(String, SVGCanvas.LegendSwatch, String)] = series.enumerated().map {
            ($0.element, .box, SVGCanvas.palette[$0.offset % SVGCanvas.palette.count])
        }
        if rows.contains(where: { $0.band != nil }), !bandLabel.isEmpty { legend.append((bandLabel, .box, SVGCanvas.bandColor)) }
        if rows.contains(where: { $0.target != nil }), !targetLabel.isEmpty { legend.append((targetLabel, .tick, SVGCanvas.targetColor)) }
        c.legend(legend, y: 38)
        for t in ticks {
            c.line(x(t), top - 4, x(t), top + plotHeight, stroke: SVGCanvas.gridColor)
            c.text(unit.tick(t, f), x: x(t), y: top + plotHeight + 16, anchor: "middle", size: 11)
        }
        c.text(axisTitle, x: (left + right) / 2, y: top + plotHeight + 38, anchor: "middle", weight: "bold")
        for (i, row) in rows.enumerated() {
            let y0 = top + Double(i) * groupHeight + gap / 2
            if let band = row.band {
                c.rect(x: x(band.lowerBound), y: y0 - 3, w: x(band.upperBound) - x(band.lowerBound),
                       h: groupHeight - gap + 6, fill: SVGCanvas.bandColor)
            }
            c.text(row.label, x: left - 8, y: y0 + (groupHeight - gap) / 2 + 4, anchor: "end")
            for (k, v) in row.values.enumerated() {
                let color = SVGCanvas.palette[k % SVGCanvas.palette.count]
                let y = y0 + Double(k) * barHeight
                c.rect(x: left, y: y + 1, w: x(v) - left, h: barHeight - 2, fill: color)
                // Right of the bar, and of the target and band when they lie further right.
                let label = unit.label(v, f)
                let end = k == 0 ? max(x(v), row.target.map(x) ?? 0, row.band.map { x($0.upperBound) } ?? 0) : x(v)
                c.text(label, x: end + 4, y: y + barHeight - 3, size: 11,
                       fill: row.flagged && k == 0 ? SVGCanvas.targetColor : SVGCanvas.inkColor)
            }
            if let t = row.target {
                c.line(x(t), y0 - 4, x(t), y0 + groupHeight - gap + 4, stroke: SVGCanvas.targetColor, width: 2.5)
            }
        }
        c.line(left, top - 4, left, top + plotHeight, stroke: SVGCanvas.inkColor)
        return c.rendered()
    }
}
