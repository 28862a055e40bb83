import Foundation
import PaodongModel

/// Scalar parameters of the day loop, copied out of `Scenario.Parameters` (whose arrays would be
/// retained and released on every copy).
struct HotParameters {
    var adoptionProbability, seniorAdoptionFactor, formMinPerComplexity, prefillFormFactor, prefillIncompleteFactor: Double
    var mobileFormFactor, incompletePerComplexity, documentIncompleteShare, lackCopyProbability: Double
    var documentTravelMin, kioskTravelMin, kioskServiceMeanMin, collectionServiceMeanMin: Double
    var expectedWaitMin, timeCoefficientPerHour, seniorOnlineShift, businessOnlineShift: Double
    var onlineExperienceWeight, wastedTripWeight, approvalShape, hometownTravelMin: Double
    var identityFactor: Double
    var retryDelayDays: Int
    var closedDaySpreadDays: Int
    var levelTravelMin: (Double, Double, Double, Double)

    init(_ p: Scenario.Parameters, reforms: ResolvedReforms) {
        adoptionProbability = p.behaviour.adoptionProbability
        seniorAdoptionFactor = p.behaviour.seniorAdoptionFactor
        formMinPerComplexity = p.process.formMinPerComplexity
        prefillFormFactor = reforms.prefillFormFactor
        prefillIncompleteFactor = reforms.prefillIncompleteFactor
        mobileFormFactor = p.process.mobileFormFactor
        incompletePerComplexity = p.process.incompletePerComplexity
        documentIncompleteShare = p.process.documentIncompleteShare
        lackCopyProbability = p.process.lackCopyProbability
        documentTravelMin = p.process.documentTravelMin
        kioskTravelMin = p.kiosks.travelMin
        kioskServiceMeanMin = p.kiosks.serviceMeanMin
        collectionServiceMeanMin = p.halls.collectionServiceMeanMin
        expectedWaitMin = p.behaviour.expectedWaitMin
        timeCoefficientPerHour = p.behaviour.timeCoefficientPerHour
        seniorOnlineShift = p.behaviour.seniorOnlineShift
        businessOnlineShift = p.behaviour.businessOnlineShift
        onlineExperienceWeight = p.behaviour.onlineExperienceWeight
        wastedTripWeight = p.behaviour.wastedTripWeight
        approvalShape = p.process.approvalShape
        hometownTravelMin = p.process.hometownTravelMin
        identityFactor = reforms.identityServiceFactor
        retryDelayDays = p.process.retryDelayDays
        closedDaySpreadDays = p.halls.closedDaySpreadDays
        let l = p.halls.levels.map(\.travelMin)
        levelTravelMin = (l[0], l[1], l[2], l[3])
    }

    @inline(__always) func travel(_ level: Int) -> Double {
        switch level {
        case 0: return levelTravelMin.0
        case 1: return levelTravelMin.1
        case 2: return levelTravelMin.2
        default: return levelTravelMin.3
        }
    }
}
