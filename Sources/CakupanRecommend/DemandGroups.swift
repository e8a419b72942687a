/// The demand a model needs: points no candidate covers are set aside (and reported), and points covered
/// by exactly the same candidates are merged into one group with their weights summed. Merging is exact
/// for both covering models (such points are always covered together) and makes the model smaller.
struct DemandGroups {
    /// Demand indices (of those asked for) that no candidate covers, ascending.
    var uncoverable: [Int] = []
    /// Candidates covering each group, ascending; never empty.
    var candidates: [[Int32]] = []
    /// Summed weight of each group.
    var weight: [Double] = []
    /// Number of demand points in each group.
    var members: [Int] = []

    /// Groups the demand indices `demand` (ascending, no repeats), numbering groups in the order their
    /// first point appears, so the model is the same on every run.
    init(_ problem: CoverageProblem, demand: [Int]) {
        let covering = problem.coveringCandidates()
        var groupOf: [[Int32]: Int] = [:]
        for i in demand {
            let list = covering[i]
            if list.isEmpty {
                uncoverable.append(i)
            } else if let g = groupOf[list] {
                weight[g] += problem.weights[i]
                members[g] += 1
            } else {
                groupOf[list] = candidates.count
                candidates.append(list)
                weight.append(problem.weights[i])
                members.append(1)
            }
        }
    }

    var count: Int { candidates.count }

    /// The candidates that cover at least one group, ascending, and for each the groups it covers
    /// (ascending): the columns of a covering model.
    func usefulCandidates(candidateCount: Int) -> (candidates: [Int], groups: [[Int32]]) {
        var groupsOf = [[Int32]](repeating: [], count: candidateCount)
        for (g, list) in candidates.enumerated() {
            for j in list { groupsOf[Int(j)].append(Int32(g)) }
        }
        var useful: [Int] = []
        var groups: [[Int32]] = []
        for (j, list) in groupsOf.enumerated() where !list.isEmpty {
            useful.append(j)
            groups.append(list)
        }
        return (useful, groups)
    }
}
