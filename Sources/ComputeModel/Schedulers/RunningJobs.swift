/// The running jobs, ordered by requested end time: what EASY needs to find when enough
/// processors will be free for the head of the queue.
struct RunningJobs {
    /// (requested end, processors, job index), ascending by end then index.
    private(set) var entries: [(end: Double, processors: Int, job: Int)] = []

    /// Adds a job that started and will be killed, at the latest, at `end`.
    mutating func add(end: Double, processors: Int, job: Int) {
        entries.insert((end, processors, job), at: position(end: end, job: job))
    }

    /// Removes a job that finished; `end` is the requested end it was added with.
    mutating func remove(end: Double, job: Int) {
        let index = position(end: end, job: job)
        precondition(index < entries.count && entries[index].job == job, "job \(job) is not running")
        entries.remove(at: index)
    }

    /// The index of the first entry not ordered before (end, job), by binary search.
    private func position(end: Double, job: Int) -> Int {
        var low = 0
        var high = entries.count
        while low < high {
            let middle = (low + high) / 2
            let other = entries[middle]
            if other.end < end || (other.end == end && other.job < job) {
                low = middle + 1
            } else {
                high = middle
            }
        }
        return low
    }

    /// The earliest time at which `free` processors plus those released by running jobs (at
    /// their requested ends) reach `needed`, and how many processors are left over then: every
    /// running job whose requested end falls at that instant counts, ties included.
    func shadow(needed: Int, free: Int) -> (time: Double, extra: Int) {
        var available = free
        var index = 0
        while index < entries.count {
            available += entries[index].processors
            if available >= needed {
                let end = entries[index].end
                var next = index + 1
                while next < entries.count && entries[next].end == end {
                    available += entries[next].processors
                    next += 1
                }
                return (end, available - needed)
            }
            index += 1
        }
        preconditionFailure("a job wider than the machine reached the queue")
    }
}
