// SPDX-License-Identifier: GPL-3.0-or-later

/// Every sentence of the reports (the HTML report, the note, the minutes, the letters, the
/// spreadsheets) in both languages, by key, as `Catalogue` holds the terminal's: one place to
/// read, review and translate them. `{0}`, `{1}`… are the arguments, in order; a report says
/// `f(.key, arguments…)` with its `ReportFormat`. The texts are split by document, one file
/// each; `CatalogueTests` checks that each key has both texts with the same arguments.
public enum ReportCatalogue {
    public enum Key: String, CaseIterable, Sendable {
        // vocabulary (ReportCatalogue+Vocabulary.swift)
        case selected, engagedEarlierCommittee, notSelected, ineligible, rejectedEarlierCommittee, excludedByThe,
            forTheNext, otherEuropeanFunds, alreadyFundedBy, sonsServiceValidated, sonsOrderNot, comfortOnlyUpgrade,
            acquisition, upgrade, optimalProven, feasibleNotProven, infeasible, timeLimitReached, solverError, regional,
            national, softConstraint, hardConstraint, noConstraint, yes, no, upgradeMise, ineligibleIrrecevable, eligible,
            eligibleNoSelection, ruleBelowMinimumSize, ruleHospitalCorridorNotGht, ruleJoinsWithoutAgreement,
            ruleNationalEntityAgreement, ruleNoEligibleEssms, ruleNoMembers, ruleNotReferenced, rulePorteurUnknown,
            ruleReferencingInProgress, ruleSeveralSolutions, ruleAfterCutoff, ruleJoinsUnfundedGrappe,
            ruleJoinsUnknownGrappe, ruleAmoaNotSmall, ruleDepositAfterWindow, ruleDepositBeforeWindow,
            ruleEquipmentNotSmall, ruleNationalDesk, ruleOutsideRegion
        // html (ReportCatalogue+HTML.swift)
        case reportProducedBy, esmsNumeriqueSelection, scenario, variant, rules, region, nationalScope, committeeOf,
            applicationsDepositedUntil, redeploymentOf, computedOn, summary, regions, balance, envelope, simulation,
            campaign, followUpAnd, projects, nextInLine, projectDetails, audit, decisionSummary, selectionProjectsSelected,
            noSelectionThe, noSelectionWas, envelopeNotified, nationalCall, engagedEarlierCommittees, reserve,
            availableToThis, used, left, projectsSelected, essmsFunded, ofWhichAcquisitions, amount, notified,
            nationalCallAppel, engagedEarlierProjects, reserveReserve, projectsEngagedAt, available, usedByThe,
            leftReliquat, decision, acquisitions, whyNoSelection, whyNoSelectionWas, tolerancesThatWould,
            territorialAndSector, moneyOfThe, moneyByDepartement, moneyBySector, tolerance, amountMontant, moneyGranted,
            target, toleranceTolerance, departement, sector, share, targetCible, range, outside, whatEachLevel,
            envelopeFrontierESSMS, envelopeEnveloppe, availableEnvelope, essms, status, tradeOffESSMS,
            acquisitionsFundedESSMS, nonDominatedSelections, marginalCost, eachExtraAcquisition, monteCarloSimulation,
            drawsSeedDashed, draws, lowInput, highInput, redeploymentBetweenRegions, policy, released, received, funded,
            aeReleasedReceived, regionRegion, total, ifTheEnvelope, eachRowGives, growth, entering, leaving, auditRecord,
            theAuditJson, inputFile, bytes, tool, rulesRegles, policyPolitique, solver, relativeGap, stages, seed,
            timeOfThe, campaignTheCommittees, engagedBeforeThe, committee, date, depositsUntil, availableDisponible,
            engaged, leftReste, carriedOver, skipped, year, theUsageModel, endedProjectsESSMS, everyTarget,
            attainmentReportedAnd, shareOfESSMS, reported, predicted, parameter, assumed, estimate, n95CI, followUpOf,
            secondHalfPolicy, fundedESSMSReported, firstHalvesPaid, secondHalvesDue, withheld, toRecover, noReport,
            targetsNotMet, projectNotEnded, expensesNotCertified, moneyWithheldBy, reason, lateNotEnded, atRiskTargets,
            project, meetingTargets, reasons, before, allProjects, search, all, clickAHeader, title, acq, decisionDecision,
            porteur, software, deposited, desk, htmlAmount, usage, softwareLogiciel, equipment, warnings, establishment,
            dept, mode, rank, exclusion, notInThe, leftOutBy, base
        // note (ReportCatalogue+Note.swift)
        case noteToThe, esmsNumeriqueNote, context, theESMSNumerique, annexes, detailedReportEvery, minutesOfTheCommittee,
            decisionsByProject, detailByESSMS, notificationLettersTo, noteProducedBy, outsideTheirRange, objectiveFiness,
            objectiveAcquisitions, objectiveScore, objectiveExpectedAttaining, methodLexicographic, then, methodWeighted,
            thePriorityScore, balanceTerritorial, balanceSector, balanceOff, balanceHard, balanceSoft
        // minutes (ReportCatalogue+Minutes.swift)
        case minutesOfThe, committeeOfComite, redeploymentOfRedeploiement, metaScenario, metaVariant, metaRules,
            metaComputed, on, item, theCommitteeRetains, selectionSolver, noSelectionIs, noSelectionWasComputed,
            projectsRetained, projectsEngagedAtEarlier, eligibleProjectsNot, projectsExcludedBy, projectsDepositedAfter,
            projectsRejectedAt, ineligibleProjects, eligibleProjects, totalTotal, essmsExcludedFrom, territorialBalance,
            sectorBalance, key, ifTheEnvelopeGrows, digestsOfThe, meeting, committeeMet, membersPresent, membersExcused,
            quorum, secretary, departementsCouncilsConsulted, method, theCommitteesChoices, projectsRetainedBy,
            projectsExcludedByThe, fundedESSMS, acquisitionsAcquisitions, scorePoints, cost, bring, costNothing,
            againstTheSelection, selectionsNotProven, withoutChoicesOut, withoutChoicesIn, conditionsOfPayment,
            paymentConditions, inProportionTo, ifEveryESSMS, activeRecords, withAPersonalised, withAnAgenda,
            opinionsAndVote, membersRemarks, listAdopted, closing, meetingClosed, theChair, theSecretary, nameSignature
        // letters (ReportCatalogue+Letters.swift)
        case notificationLetters, noLetterNo, decisionProjectRetained, decisionProjectNot, decisionApplicationInadmissible,
            afterReviewYour, aCorrectedApplication, decisionExaminationCarried, laterCommitteeBody, wasFiledAfter,
            theSelectionCommitteeDecided, regionalHealthAgency, esmsNumeriqueProgramme, toTheProjects, porteursName,
            placeLieu, le, subject, dearSirOr, committeeExamined, thatMetOn, yoursFaithfully, forTheDirector,
            namePositionSignature, thisDecisionMay, usageUsage, lettersSoftware, equipmentEquipement,
            projectOwnerAssistance, acquiringAComputerised, upgradingTheirs, iAmPleased, and, paymentIsMade,
            inProportionToThe, ifEveryEstablishment, activeUserRecords, activeRecordsWith, activeRecordsWithAt, usageRateOf,
            usageRateOfThe, targetLine, theIndicatorsAre, theFollowingEstablishments, yourApplicationIs, conflictSelected,
            conflictEngaged, theCreditsAvailable, yourApplicationMay, yourFundingApplication
        // sheets (ReportCatalogue+Sheets.swift)
        case colProject, colTitle, colPorteur, colDepartement, colRegion, colEligible, colDesk, colUpgrades,
            colEssmsExcluded, colSoftware, colEquipment, colAmount, colReasons, colEssmsExcludedDetail, decisions,
            colDecision, colDecisionLabel, colReasonCode, colReason, colGranted, colProjectDecision, colEstablishment,
            colSector, colRank, colFullRate, colSmallOrganisation, colFunded, colExclusionReason, colBalance, colTolerance,
            colKey, colLabel, colShare, colLow, colHigh, colWithin, colTerritory, colItem, colNotified, colEngaged,
            colReleased, colReceived, colFundedFinancee, colProjects, engagedEarlierProjectsNot, grantedByThis,
            esmsNumeriqueSelectionCommittee
    }

    static let entries: [Key: (fr: String, en: String)] = Dictionary(
        uniqueKeysWithValues: [vocabularyEntries, htmlEntries, noteEntries, minutesEntries, lettersEntries, sheetsEntries]
            .flatMap { $0.map { ($0.key, $0.value) } })
}

extension ReportFormat {
    /// The text of `key` in the report's language, `{n}` replaced by the description of `arguments[n]`.
    public func callAsFunction(_ key: ReportCatalogue.Key, _ arguments: any CustomStringConvertible...) -> String {
        guard let entry = ReportCatalogue.entries[key] else { return key.rawValue }
        return Catalogue.fill(language == .fr ? entry.fr : entry.en, arguments.map(\.description))
    }
}
