// SPDX-License-Identifier: GPL-3.0-or-later
import CGLPK
import Foundation

/// File formats GLPK can write a model in.
public enum ExportFormat: String, Sendable, Hashable, CaseIterable {
    /// Free MPS. MPS has no objective direction: a maximisation is written as the
    /// minimisation of the negated objective (a comment line at the top says so), so
    /// the optimum read back is the negated optimum.
    case freeMPS = "mps"
    /// CPLEX LP, which keeps "Maximize". A non-zero objective constant is written as the
    /// column `obj_constant` fixed at 1 (the format has no constant term).
    case cplexLP = "lp"
}

extension GLPKSolver {
    /// The comment put at the top of an MPS file holding a negated maximisation.
    public static let negatedMaximisationComment =
        "* esms: maximisation exported as the minimisation of the negated objective (MPS has no direction)"

    /// Writes `model` to `destination` in `format`, atomically: GLPK writes a temporary file
    /// created here, in the destination's directory, which is then renamed onto the
    /// destination. GLPK never touches a path it was not given by this function.
    public func export(_ model: LinearModel, as format: ExportFormat, to destination: URL) throws(LinearOptimizerError) {
        let prepared = try PreparedModel(model)
        guard destination.isFileURL else {
            throw LinearOptimizerError(.exportFailed, "Cannot write the model to \(destination): only local file paths are supported.")
        }
        let directory = destination.deletingLastPathComponent()
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw LinearOptimizerError(.exportFailed, "Cannot write the model to \(destination.path): the directory \(directory.path) does not exist; create it first.")
        }
        let temporary = try Self.createTemporaryFile(in: directory, for: destination.lastPathComponent)
        do throws(LinearOptimizerError) {
            let code: Int32 = try GLPKEnvironment.run { () throws(LinearOptimizerError) in
                let negate = format == .freeMPS
                let problem = GLPKProblem(prepared, names: true, negatedObjective: negate, constantAsColumn: format == .cplexLP)
                switch GLPKGuard.write(problem, as: format, to: temporary) {
                case .success(let code): return code
                case .failure(let failure):
                    throw LinearOptimizerError(.exportFailed, "GLPK failed an internal check while writing the model to \(temporary) (\(failure.message)); nothing was written.")
                }
            }
            guard code == 0 else {
                throw LinearOptimizerError(.exportFailed, "GLPK could not write the model to \(temporary) (code \(code)); check the free space and permissions of \(directory.path).")
            }
            if format == .freeMPS && model.sense == .maximize {
                try Self.prepend(Self.negatedMaximisationComment + "\n", to: temporary)
            }
            guard rename(temporary, destination.path) == 0 else {
                throw LinearOptimizerError(.exportFailed, "Cannot move the written model onto \(destination.path): \(String(cString: strerror(errno))).")
            }
        } catch {
            unlink(temporary)
            throw error
        }
    }

    /// Creates (exclusively) an empty file next to the destination and returns its path.
    private static func createTemporaryFile(in directory: URL, for name: String) throws(LinearOptimizerError) -> String {
        var template = Array(directory.appendingPathComponent(".\(name).XXXXXX").path.utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { buffer -> Int32 in
            guard let base = buffer.baseAddress else { return -1 }
            return mkstemp(base)
        }
        guard descriptor >= 0 else {
            throw LinearOptimizerError(.exportFailed, "Cannot create a temporary file in \(directory.path): \(String(cString: strerror(errno))); check that the directory is writable.")
        }
        close(descriptor)
        return String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    private static func prepend(_ text: String, to path: String) throws(LinearOptimizerError) {
        guard let body = FileManager.default.contents(atPath: path),
              FileManager.default.createFile(atPath: path, contents: Data(text.utf8) + body) else {
            throw LinearOptimizerError(.exportFailed, "Cannot add the direction comment to \(path).")
        }
    }
}
