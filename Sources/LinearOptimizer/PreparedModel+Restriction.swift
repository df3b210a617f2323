// SPDX-License-Identifier: GPL-3.0-or-later

extension PreparedModel {
    /// The model with the columns of `fixed` (column → value) taken out: their objective terms go
    /// into the objective constant and their row terms into the row bounds; a row left without
    /// any term is dropped. The same solutions, column for column, as the model with those
    /// columns fixed, on a matrix the size of what is left free: after reduced-cost fixing, a
    /// national re-solve keeps a few dozen of its 1 879 binaries free, and GLPK's cost per node
    /// follows the size of the problem it holds, not the number of columns left to decide.
    ///
    /// Returns the compact model and, for each of its columns, the column of `self`; nil when a
    /// dropped row does not hold at the fixed values (the fixing leaves no solution).
    func restricted(fixing fixed: [Int: Double], tolerance: Double = 1e-6) -> (model: PreparedModel, columns: [Int])? {
        var dense = [Double?](repeating: nil, count: columnCount)
        for (j, v) in fixed { dense[j] = v }
        return restricted(fixing: dense, tolerance: tolerance).map { ($0.model, $0.columns) }
    }

    /// `restricted(fixing:)` with the fixed values by column (nil: left free), without hashing
    /// every column and matrix entry; also gives, for each row of the compact model, the row of
    /// `self`.
    func restricted(fixing fixed: [Double?], tolerance: Double = 1e-6) -> (model: PreparedModel, columns: [Int], rows: [Int])? {
        var position = [Int](repeating: -1, count: columnCount)
        var columns: [Int] = []
        var m = LinearModel(name: model.name, sense: model.sense)
        var constant = model.objectiveConstant
        for j in 0..<columnCount {
            if let v = fixed[j] {
                constant += objective[j] * v
                continue
            }
            position[j] = columns.count
            columns.append(j)
            m.addVariable(model.variables[j].name, kind: model.variables[j].kind, lower: columnLower[j],
                          upper: columnUpper[j], objective: objective[j])
        }
        m.objectiveConstant = constant
        var ia: [Int32] = [0], ja: [Int32] = [0], ar: [Double] = [0]
        var lowers: [Double] = [], uppers: [Double] = [], kinds: [BoundKind] = []
        var keptRows: [Int] = []
        var k = 1
        let entries = matrixValues.count
        for i in 0..<rowCount {
            var shift = 0.0
            var terms: [Term] = []
            while k < entries, Int(matrixRows[k]) == i + 1 {
                let j = Int(matrixColumns[k]) - 1
                if let v = fixed[j] {
                    shift += matrixValues[k] * v
                } else {
                    terms.append(Term(VariableID(position[j]), matrixValues[k]))
                }
                k += 1
            }
            let lower = rowLower[i] - shift, upper = rowUpper[i] - shift
            if terms.isEmpty {
                let slack = tolerance * Swift.max(1, abs(shift))
                guard lower <= slack, upper >= -slack else { return nil }
                continue
            }
            let row = Int32(lowers.count + 1)
            keptRows.append(i)
            for term in terms {
                ia.append(row); ja.append(Int32(term.variable.index + 1)); ar.append(term.coefficient)
            }
            lowers.append(lower); uppers.append(upper)
            kinds.append(BoundKind(lower: lower, upper: upper))
            let bounds: RowBounds = switch (lower.isFinite, upper.isFinite) {
            case (false, false): .free
            case (true, false): .greaterOrEqual(lower)
            case (false, true): .lessOrEqual(upper)
            case (true, true): lower == upper ? .equal(lower) : .range(lower, upper)
            }
            m.addRow(model.rows[i].name, terms, bounds)
        }
        let kept = PreparedModel(model: m, columnLower: columns.map { columnLower[$0] },
                                 columnUpper: columns.map { columnUpper[$0] }, columnKinds: columns.map { columnKinds[$0] },
                                 columnIsInteger: columns.map { columnIsInteger[$0] }, objective: columns.map { objective[$0] },
                                 rowLower: lowers, rowUpper: uppers, rowKinds: kinds, matrixRows: ia, matrixColumns: ja,
                                 matrixValues: ar)
        return (kept, columns, keptRows)
    }
}
