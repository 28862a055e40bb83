/// Rules of the model that are structure rather than parameters (docs/model.md states each): named
/// once here, so that the engine code says which rule it applies.
enum ModelRules {
    /// 补正: an online application found incomplete is corrected and resubmitted online this many
    /// days later (the next day; no trip).
    static let onlineResubmissionDays = 1
    /// A reviewed (not instant) application is decided at least this many working days after its
    /// submission: a review that takes any time ends on a later day.
    static let minimumReviewWorkingDays = 1
    /// Online successes and wasted trips an agent remembers, each (two bits of `Population.State`);
    /// the utility shifts of `behaviour.online_experience_weight` and `wasted_trip_weight` count up to it.
    static let experienceCap: UInt8 = 3
    /// The under-staffing warning: a window group or kiosk pool with at least this many queue joins
    /// in the run…
    static let understaffedMinimumJoins: Int64 = 20
    /// …that turns away more than one in this many of them is named (a quarter: waits of a group
    /// that sheds that much load are those of an overloaded group, not a result).
    static let understaffedUnservedOneIn: Int64 = 4
}
