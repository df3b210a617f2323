// SPDX-License-Identifier: GPL-3.0-or-later

/// Every sentence of the reports (the HTML report, the note, the minutes, the letters, the
/// spreadsheets) in both languages, by key, as `Catalogue` holds the terminal's: one place to
/// read, review and translate them. `{0}`, `{1}`… are the arguments, in order; a report says
/// `f(.key, arguments…)` with its `ReportFormat`. The texts are split by document, one file
/// each; `CatalogueTests` checks that each key has both texts with the same arguments.
public enum ReportCatalogue {
    public enum Key: String, CaseIterable, Sendable {
        // vocabulary (ReportCatalogue+Vocabulary.swift)
        case selected, engagedEarlierCommittee, notSelected, ineligible, rejectedEarlierCommittee, excludedByCommittee,
            forNextCommittee, otherEuropeanFunds, alreadyFundedBy, sonsServiceValidated, sonsOrderNot, comfortOnlyUpgrade,
            acquisition, upgrade, optimalProven, feasibleNotProven, infeasible, timeLimitReached, solverError, regional,
            national, softConstraint, hardConstraint, noConstraint, yes, no, upgradeValue, ineligiblePrefix, eligible,
            eligibleNoSelection, ruleBelowMinimumSize, ruleHospitalCorridorNotGht, ruleJoinsWithoutAgreement,
            ruleNationalEntityAgreement, ruleNoEligibleEssms, ruleNoMembers, ruleNotReferenced, rulePorteurUnknown,
            ruleReferencingInProgress, ruleSeveralSolutions, ruleAfterCutoff, ruleJoinsUnfundedGrappe,
            ruleJoinsUnknownGrappe, ruleAmoaNotSmall, ruleDepositAfterWindow, ruleDepositBeforeWindow,
            ruleEquipmentNotSmall, ruleNationalDesk, ruleOutsideRegion
        // html (ReportCatalogue+HTML.swift)
        case reportProducedBy, esmsNumeriqueSelection, scenario, variant, rules, region, nationalScope, committeeOf,
            applicationsDepositedUntil, redeploymentOf, computedOn, summary, regions, balance, envelope, simulation,
            campaign, followUpAnd, projects, nextInLine, projectDetails, audit, decisionSummary, summarySelection,
            summaryNoSelection, summaryNotComputed, envelopeNotified, nationalCall, engagedEarlierCommittees, reserve,
            availableToThis, used, left, projectsSelected, essmsFunded, ofWhichAcquisitions, amount, envNotifiedLine,
            envNationalCallLine, envEngagedEarlierLine, envReserveLine, envEngagedProjectsLine, envAvailableLine,
            envUsedLine, envLeftLine, decision, acquisitions, whyNoSelection, whyNoSelectionWas, tolerancesThatWould,
            territorialAndSector, balanceNote, moneyByDepartement, moneyBySector, tolerancePrefix, axisAmount, moneyGranted,
            chartTarget, chartTolerance, departement, sector, share, headTarget, range, outside, whatEachLevel,
            envelopeFrontierESSMS, axisEnvelope, availableEnvelope, essms, status, tradeOffESSMS, acquisitionsFundedESSMS,
            nonDominatedSelections, marginalCost, eachExtraAcquisition, monteCarloSimulation, drawsSeedDashed, draws,
            lowInput, highInput, redeploymentBetweenRegions, policy, released, received, funded, aeReleasedReceived,
            headRegion, total, ifTheEnvelope, nextInLineNote, growth, entering, leaving, auditRecord, auditNote, inputFile,
            bytes, tool, auditRules, auditPolicy, solver, relativeGap, stages, seed, timeOfThe, campaignTheCommittees,
            engagedBeforeThe, committee, date, depositsUntil, headAvailable, engaged, headLeft, carriedOver, skipped, year,
            calibrationTitle, calibrationFit, everyTargetPrefix, attainmentReportedAnd, shareOfESSMS, reported, predicted,
            parameter, assumed, estimate, headCI, followUpOf, secondHalfPolicy, fundedESSMSReported, firstHalvesPaid,
            secondHalvesDue, withheld, toRecover, noReport, targetsNotMet, projectNotEnded, expensesNotCertified,
            moneyWithheldBy, reason, lateNotEnded, atRiskTargets, project, meetingTargets, reasons, before, allProjects,
            search, all, clickAHeader, title, acq, decisionLabel, porteurPrefix, softwarePrefix, deposited, deskLabel,
            amountLabel, usageAmount, softwareAmount, equipmentAmount, warnings, establishment, dept, mode, rank, exclusion,
            notInThe, leftOutBy, chartBase
        case detailsOnDemand, detailsLoading, detailsMissing, whatifVariants, whatifVariant, whatifNote, whatifChanges, whatifBase, whatifExpectedPaid2, whatifExpectedDUI, whatifFailed
        // note (ReportCatalogue+Note.swift)
        case noteToThe, esmsNumeriqueNote, context, noteContext, annexes, detailedReportEvery, detailsOfTheAnnex, minutesOfTheCommittee, minutesToComplete,
            decisionsByProject, detailByESSMS, notificationLettersTo, noteProducedBy, noteOutsideRange, objectiveFiness,
            objectiveAcquisitions, objectiveScore, objectiveExpectedAttaining, methodLexicographic, then, methodWeighted,
            thePriorityScore, balanceTerritorial, balanceSector, balanceOff, balanceHard, balanceSoft,
            costOneFiness, costOneAcquisition, costOneScorePoint, costOneExpectedAttaining, or
        // minutes (ReportCatalogue+Minutes.swift)
        case minutesOfThe, minutesCommittee, minutesRedeployment, metaScenario, metaVariant, metaRules, metaComputed, on,
            item, minutesRetained, minutesSolver, minutesNoSelection, minutesNotComputed, projectsRetained,
            projectsEngagedAtEarlier, eligibleProjectsNot, projectsExcludedBy, projectsDepositedAfter, projectsRejectedAt,
            ineligibleProjects, eligibleProjects, minutesTotal, essmsExcludedFrom, territorialBalance, sectorBalance, key,
            ifTheEnvelopeGrows, digestsOfThe, meeting, committeeMet, membersPresent, membersExcused, quorum, secretary,
            departementsCouncilsConsulted, method, theCommitteesChoices, projectsRetainedBy, projectsExcludedByThe,
            choiceFinanced, choiceAcquisitions, choiceScore, choiceCost, choiceBring, choiceNothing, againstTheSelection,
            selectionsNotProven, withoutChoicesOut, withoutChoicesIn, conditionsOfPayment, paymentConditions,
            minutesPerESSMS, minutesAllOrNothing, activeRecords, withAPersonalised, withAnAgenda, opinionsAndVote,
            membersRemarks, listAdopted, closing, committeeFixedTheList, meetingClosed, theChair, theSecretary, nameSignature
        // letters (ReportCatalogue+Letters.swift)
        case lettersTitle, noLetter, decisionProjectRetained, decisionProjectNotRetained, decisionApplicationInadmissible,
            letterIneligible, letterResubmit, decisionLater, laterCommitteeBody, wasFiledAfter, letterExcluded,
            regionalHealthAgency, esmsNumeriqueProgramme, toTheProjects, porteursName, letterPlace, letterDate, subject,
            dearSirOr, committeeExamined, thatMetOn, yoursFaithfully, forTheDirector, namePositionSignature,
            thisDecisionMay, letterUsage, letterSoftware, letterEquipment, letterAmoa, letterAcquiring, letterUpgrading,
            letterRetained, and, letterPayment, letterPerESSMS, letterAllOrNothing, letterTargetActive,
            letterTargetPersonalised, letterTargetAgenda, letterTargetMssante, letterTargetDmp, targetLine,
            theIndicatorsAre, theFollowingEstablishments, notRetainedAdmissible, conflictSelected, conflictEngaged,
            notRetainedEnvelope, notRetainedLater, yourFundingApplication
        // sheets (ReportCatalogue+Sheets.swift)
        case colProject, colTitle, colPorteur, colDepartement, colRegion, colEligible, colDesk, colUpgrades,
            colEssmsExcluded, colSoftware, colEquipment, colAmount, colReasons, colEssmsExcludedDetail, decisions,
            colDecision, colDecisionLabel, colReasonCode, colReason, colGranted, colProjectDecision, colEstablishment,
            colSector, colRank, colFullRate, colSmallOrganisation, colFunded, colExclusionReason, colBalance, colTolerance,
            colKey, colLabel, colShare, colLow, colHigh, colWithin, colTerritory, colItem, colNotified, colEngaged,
            colReleased, colReceived, colFundedFeminine, colProjects, engagedEarlierProjectsNot, grantedByThis,
            esmsNumeriqueSelectionCommittee
        // deliberation (ReportCatalogue+Deliberation.swift)
        case deliberationTitle, deliberationKicker, deliberationNoSelection, deliberationHow, deliberationNoProposal,
            deliberationScore, deliberationReset, deliberationExport, deliberationCandidates, deliberationProposal,
            deliberationExplanation, deliberationExportTitle, deliberationExportHow, deliberationOverEnvelope,
            deliberationSharesESSMS, deliberationHeldByEngaged, deliberationHardOutside, deliberationSoftOutside,
            deliberationAllGood, deliberationNoChange, deliberationAdded, deliberationRemoved, deliberationProposed,
            deliberationNotProposed, deliberationWithin, deliberationExportHeader, deliberationExportResolve,
            deliberationExportChanges, deliberationTicked, deliberationUnticked, deliberationAnnex, deliberate,
            deliberationBar, deliberationBarProblems
    }

    static let entries: [Key: (fr: String, en: String)] = Dictionary(
        uniqueKeysWithValues: [vocabularyEntries, htmlEntries, noteEntries, minutesEntries, lettersEntries, sheetsEntries,
                               deliberationEntries]
            .flatMap { $0.map { ($0.key, $0.value) } })
}

extension ReportFormat {
    /// The text of `key` in the report's language, `{n}` replaced by the description of `arguments[n]`.
    public func callAsFunction(_ key: ReportCatalogue.Key, _ arguments: any CustomStringConvertible...) -> String {
        guard let entry = ReportCatalogue.entries[key] else { return key.rawValue }
        return Catalogue.fill(language == .fr ? entry.fr : entry.en, arguments.map(\.description))
    }
}
