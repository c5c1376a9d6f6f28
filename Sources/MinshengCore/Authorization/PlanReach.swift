/// The plans a signed-in user may see and run, from their place in the jurisdiction tree.
///
/// Accounts without a jurisdiction serve the whole instance. An office, leader or inspector of a jurisdiction reads
/// the plans of that jurisdiction and of every jurisdiction below it (a province role sees every city and county);
/// an office runs only its own jurisdiction's plans. A reporter reads the plans of its unit's jurisdiction.
package struct PlanReach: Sendable, Equatable {
    /// The jurisdiction the account serves; nil for the whole instance.
    package var jurisdictionID: Int64?
    /// That jurisdiction and every one below it; nil for all.
    package var jurisdictions: Set<Int64>?
    /// Plans the user may read; nil for all.
    package var readablePlans: Set<Int64>?
    /// Plans whose office work (review, settings, documents, publishing, supervision) the user may do; nil for all.
    package var managedPlans: Set<Int64>?

    package init(jurisdictionID: Int64?, jurisdictions: Set<Int64>?, readablePlans: Set<Int64>?, managedPlans: Set<Int64>?) {
        self.jurisdictionID = jurisdictionID
        self.jurisdictions = jurisdictions
        self.readablePlans = readablePlans
        self.managedPlans = managedPlans
    }

    /// The reach of an account that serves the whole instance.
    package static let everything = PlanReach(jurisdictionID: nil, jurisdictions: nil, readablePlans: nil, managedPlans: nil)
    /// The reach of an account that reaches nothing (a reporter without a unit).
    package static let nothing = PlanReach(jurisdictionID: -1, jurisdictions: [], readablePlans: [], managedPlans: [])

    package var isEverything: Bool { jurisdictionID == nil }

    package func canRead(planID: Int64) -> Bool { readablePlans?.contains(planID) ?? true }
    package func canManage(planID: Int64) -> Bool { managedPlans?.contains(planID) ?? true }
    /// Whether a jurisdiction is the user's or below it.
    package func covers(jurisdictionID id: Int64) -> Bool { jurisdictions?.contains(id) ?? true }
    /// Whether the user's office runs a jurisdiction's own directory and accounts.
    package func runs(jurisdictionID id: Int64?) -> Bool { jurisdictionID == nil || jurisdictionID == id }
}
