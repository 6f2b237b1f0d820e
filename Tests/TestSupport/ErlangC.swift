/// Erlang C: the M/M/c queue's closed forms, the oracle the engine and the compute model are
/// checked against.
public enum ErlangC {
    /// Erlang B: the probability that an arrival finds all `c` servers busy and is lost, with
    /// offered load a = λ/μ, from the recurrence B(k) = a B(k−1) / (k + a B(k−1)).
    public static func blockingProbability(servers c: Int, offeredLoad a: Double) -> Double {
        var blocking = 1.0
        for k in 1...c { blocking = a * blocking / (Double(k) + a * blocking) }
        return blocking
    }

    /// The probability that an arrival waits, C(c, a), with offered load a = λ/μ, from the
    /// Erlang B recurrence B(k) = a B(k−1) / (k + a B(k−1)).
    public static func waitProbability(servers c: Int, arrivalRate lambda: Double, serviceRate mu: Double)
        -> Double
    {
        let a = lambda / mu
        var blocking = 1.0
        for k in 1...c { blocking = a * blocking / (Double(k) + a * blocking) }
        let rho = a / Double(c)
        return blocking / (1 - rho + rho * blocking)
    }

    /// The mean wait in queue, Wq = C(c, a) / (c μ − λ).
    public static func meanWait(servers c: Int, arrivalRate lambda: Double, serviceRate mu: Double) -> Double
    {
        waitProbability(servers: c, arrivalRate: lambda, serviceRate: mu) / (Double(c) * mu - lambda)
    }
}
