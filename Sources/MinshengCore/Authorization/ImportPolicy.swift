/// Who may open and change a plan import awaiting confirmation: it belongs to the office that uploaded it, named by
/// that office's jurisdiction (nil: the instance-wide office). No other office, however high, reads or edits it.
package enum ImportPolicy {
    package static func canOpen(draftOf officeJurisdictionID: Int64?, by principal: Principal) -> Bool {
        principal.isOffice && principal.reach.jurisdictionID == officeJurisdictionID
    }
}
