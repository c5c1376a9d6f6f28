/// Where an account serves: its role, its unit (reporters) and its jurisdiction (nil for the whole instance).
package struct AccountPlacement: Sendable, Equatable {
    package var role: Role
    package var unitID: Int64?
    package var jurisdictionID: Int64?

    package init(role: Role, unitID: Int64?, jurisdictionID: Int64?) {
        self.role = role
        self.unitID = unitID
        self.jurisdictionID = jurisdictionID
    }
}

/// Who may create, see and change accounts, and where an account lands.
///
/// Every account carries its jurisdiction: a reporter its unit's, anyone else the one given or, when an office
/// creates it without saying, the office's own. An office scoped to a jurisdiction only ever produces accounts of
/// that jurisdiction; only an instance-wide office produces instance-wide accounts. Creating and changing are judged
/// by the same rule, so a change can never reach a role or a place that creating could not.
package enum AccountPolicy {
    /// What a create or change asks for the jurisdiction.
    package enum JurisdictionRequest: Sendable, Equatable {
        /// Not said: a new account takes the office's own jurisdiction.
        case unspecified
        /// Keep the account's current jurisdiction.
        case keep(Int64?)
        /// This jurisdiction, or the whole instance for nil.
        case set(Int64?)
    }

    /// Why an account change is refused.
    package enum Refusal: CodedRefusal, Sendable, Equatable, CaseIterable {
        case notAnOffice
        case reporterNeedsUnit
        case unitOnlyForReporters
        case unitOutsideJurisdiction
        case reporterJurisdictionIsItsUnits
        case jurisdictionOutsideReach
        case instanceWideNeedsInstanceOffice
        case accountOutsideReach
        case cannotDemoteOrDisableSelf

        package var code: String {
            switch self {
            case .notAnOffice: return "account.notAnOffice"
            case .reporterNeedsUnit: return "account.reporterNeedsUnit"
            case .unitOnlyForReporters: return "account.unitOnlyForReporters"
            case .unitOutsideJurisdiction: return "account.unitOutsideJurisdiction"
            case .reporterJurisdictionIsItsUnits: return "account.reporterJurisdictionIsItsUnits"
            case .jurisdictionOutsideReach: return "account.jurisdictionOutsideReach"
            case .instanceWideNeedsInstanceOffice: return "account.instanceWideNeedsInstanceOffice"
            case .accountOutsideReach: return "account.accountOutsideReach"
            case .cannotDemoteOrDisableSelf: return "account.cannotDemoteOrDisableSelf"
            }
        }

        package var phrase: Phrase {
            switch self {
            case .notAnOffice: return Phrase(zh: "只有督查室可以管理账号。", en: "Only the supervision office manages accounts.")
            case .reporterNeedsUnit: return Phrase(zh: "报送员必须属于一个单位。", en: "A reporter belongs to a unit.")
            case .unitOnlyForReporters:
                return Phrase(zh: "只有报送员属于单位；其他角色请不要选择单位。", en: "Only reporters belong to a unit; choose no unit for other roles.")
            case .unitOutsideJurisdiction: return Phrase(zh: "该单位不属于您管辖的地区。", en: "That unit is outside your jurisdiction.")
            case .reporterJurisdictionIsItsUnits:
                return Phrase(zh: "报送员属于其单位所在的地区，不能另选地区。", en: "A reporter serves its unit's jurisdiction; choose no other.")
            case .jurisdictionOutsideReach: return Phrase(zh: "该地区不在您管辖的范围内。", en: "That jurisdiction is outside yours.")
            case .instanceWideNeedsInstanceOffice:
                return Phrase(zh: "只有全平台的督查室可以设立全平台账号。", en: "Only an instance-wide office may create or make instance-wide accounts.")
            case .accountOutsideReach: return Phrase(zh: "该账号不在您管辖的范围内。", en: "That account is outside your jurisdiction.")
            case .cannotDemoteOrDisableSelf:
                return Phrase(zh: "不能停用自己或取消自己的管理员角色。", en: "You cannot disable yourself or drop your own admin role.")
            }
        }
    }

    /// The placement of a new or changed account, or why it is refused.
    /// - Parameters:
    ///   - unit: the unit given to the account, with the jurisdiction of its directory.
    package static func place(
        role: Role, unit: (id: Int64, jurisdictionID: Int64)?, jurisdiction request: JurisdictionRequest, by office: Principal
    ) -> Result<AccountPlacement, Refusal> {
        guard office.isOffice else { return .failure(.notAnOffice) }
        if role.requiresUnit {
            guard let unit else { return .failure(.reporterNeedsUnit) }
            guard office.reach.runs(jurisdictionID: unit.jurisdictionID) else { return .failure(.unitOutsideJurisdiction) }
            if case .set(let asked?) = request, asked != unit.jurisdictionID { return .failure(.reporterJurisdictionIsItsUnits) }
            return .success(AccountPlacement(role: role, unitID: unit.id, jurisdictionID: unit.jurisdictionID))
        }
        guard unit == nil else { return .failure(.unitOnlyForReporters) }
        let jurisdiction: Int64?
        switch request {
        case .unspecified: jurisdiction = office.reach.jurisdictionID
        case .keep(let current): jurisdiction = current
        case .set(let asked): jurisdiction = asked
        }
        guard let jurisdiction else {
            return office.isInstanceWide
                ? .success(AccountPlacement(role: role, unitID: nil, jurisdictionID: nil)) : .failure(.instanceWideNeedsInstanceOffice)
        }
        guard office.reach.runs(jurisdictionID: jurisdiction) else { return .failure(.jurisdictionOutsideReach) }
        return .success(AccountPlacement(role: role, unitID: nil, jurisdictionID: jurisdiction))
    }

    /// Whether an office may see an account: one of its jurisdiction or below.
    package static func canSee(_ account: AccountPlacement, by principal: Principal) -> Bool {
        guard principal.isOffice else { return false }
        guard let jurisdiction = account.jurisdictionID else { return principal.isInstanceWide }
        return principal.reach.covers(jurisdictionID: jurisdiction)
    }

    /// Whether an office may change an existing account: one of its own jurisdiction.
    package static func canChange(_ account: AccountPlacement, by principal: Principal) -> Bool {
        guard principal.isOffice else { return false }
        guard let jurisdiction = account.jurisdictionID else { return principal.isInstanceWide }
        return principal.reach.runs(jurisdictionID: jurisdiction)
    }

    /// An office may neither disable its own account nor give up its own office role.
    package static func checkSelf(accountID: Int64, newRole: Role, disabled: Bool, by principal: Principal) -> Refusal? {
        guard accountID == principal.userID, disabled || newRole != principal.role else { return nil }
        return .cannotDemoteOrDisableSelf
    }
}
