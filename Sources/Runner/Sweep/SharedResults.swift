import Synchronization

/// Results that runs share, computed once per key: the key is everything the result depends on
/// (content addressing), so two runs with equal keys get the one result.
///
/// A run that needs a result another run is computing does not wait: it leaves its own
/// continuation, and the run computing the result finishes it (`fulfil`). Results of
/// replications the sweep has moved past are dropped (`release`), so memory stays flat; a
/// dropped result needed again is computed again, equal to the first.
final class SharedResults<Key: Hashable & Sendable, Value: Sendable, Waiting: Sendable>: Sendable {
    /// What the caller of `claim` does next.
    enum Claim {
        /// The result is known.
        case ready(Value)
        /// The caller computes the result, then calls `fulfil`.
        case claimed
        /// Another run computes it and will hand it to the waiting continuation.
        case queued
    }

    private enum Entry {
        case ready(Value, replication: Int)
        case running([Waiting], replication: Int)
    }

    private let entries = Mutex<[Key: Entry]>([:])

    /// The result for `key` (of replication `replication`), a claim to compute it, or `waiting`
    /// queued for it.
    func claim(_ key: Key, replication: Int, waiting: Waiting) -> Claim {
        entries.withLock { entries in
            switch entries[key] {
            case .ready(let value, _)?: return .ready(value)
            case .running(var queue, _)?:
                queue.append(waiting)
                entries[key] = .running(queue, replication: replication)
                return .queued
            case nil:
                entries[key] = .running([], replication: replication)
                return .claimed
            }
        }
    }

    /// The known result for `key`, if any.
    func value(_ key: Key) -> Value? {
        entries.withLock { entries in
            if case .ready(let value, _)? = entries[key] { value } else { nil }
        }
    }

    /// Stores `value` for `key` (without a claim: a plain memo), keeping the first stored.
    func store(_ key: Key, replication: Int, _ value: Value) {
        entries.withLock { entries in
            if case .ready? = entries[key] { return }
            entries[key] = .ready(value, replication: replication)
        }
    }

    /// Stores the claimed result for `key` and returns the continuations queued for it.
    func fulfil(_ key: Key, _ value: Value) -> [Waiting] {
        entries.withLock { entries in
            guard case .running(let queue, let replication)? = entries[key] else { return [] }
            entries[key] = .ready(value, replication: replication)
            return queue
        }
    }

    /// Drops the known results of replications before `replication` (results being computed
    /// stay: runs wait on them).
    func release(before replication: Int) {
        entries.withLock { entries in
            entries = entries.filter { _, entry in
                if case .ready(_, let own) = entry { own >= replication } else { true }
            }
        }
    }

    /// Results held now (for tests of flat memory).
    var count: Int { entries.withLock { $0.count } }
}
