package io.guestgate.bot.invite.outbox;

import java.util.List;
import org.springframework.data.redis.core.script.RedisScript;

/** The outbox's atomic steps. Every key they touch carries the {@code outbox} hash tag. */
final class OutboxScripts {

    private OutboxScripts() {}

    /**
     * KEYS: stream, batch. ARGV: batch ttl ms, organizer, meeting, title, purpose, language, batch id, invitation
     * ids... Writes the batch's counts and one stream entry per invitation, all or nothing.
     */
    static final RedisScript<Long> ENQUEUE = RedisScript.of("""
            local n = #ARGV - 7
            redis.call('HSET', KEYS[2], 'total', n, 'sent', 0, 'failed', 0, 'skipped', 0,
              'organizer', ARGV[2], 'meeting', ARGV[3], 'title', ARGV[4], 'purpose', ARGV[5], 'language', ARGV[6])
            redis.call('PEXPIRE', KEYS[2], ARGV[1])
            for i = 8, #ARGV do
              redis.call('XADD', KEYS[1], '*', 'invitation', ARGV[i], 'meeting', ARGV[3], 'purpose', ARGV[5],
                'language', ARGV[6], 'batch', ARGV[7], 'attempt', '1')
            end
            return n
            """, Long.class);

    /**
     * KEYS: retries, batch. ARGV: batch ttl ms, organizer, meeting, title, purpose, language, batch id, due millis,
     * invitation ids... Like {@link #ENQUEUE}, but each entry waits among the retries until it is due.
     */
    static final RedisScript<Long> SCHEDULE = RedisScript.of("""
            local n = #ARGV - 8
            redis.call('HSET', KEYS[2], 'total', n, 'sent', 0, 'failed', 0, 'skipped', 0,
              'organizer', ARGV[2], 'meeting', ARGV[3], 'title', ARGV[4], 'purpose', ARGV[5], 'language', ARGV[6])
            redis.call('PEXPIRE', KEYS[2], ARGV[1])
            for i = 9, #ARGV do
              local member = cjson.encode({invitation = ARGV[i], meeting = ARGV[3], purpose = ARGV[5],
                language = ARGV[6], batch = ARGV[7], attempt = '1'})
              redis.call('ZADD', KEYS[1], ARGV[8], member)
            end
            return n
            """, Long.class);

    /**
     * KEYS: stream, retries, dead letters, batch, batch done, batch failures. ARGV: group, consumer, entry id, mode
     * (done | retry | dead), invitation id, outcome (sent | failed | skipped), failure line, retry due millis, retry
     * member, dead letter, dead letter cap.
     * <p>
     * Only the consumer that holds the entry may settle it: if another instance claimed it meanwhile, nothing
     * happens ({-1}) and the new holder settles it. Otherwise the entry is acknowledged and deleted, and then put
     * back for later (retry, {0}), or counted in its batch ({1, total, sent, failed, skipped, report} where report
     * is 1 exactly once per batch: when the last mail settled), or {2} when the batch is gone.
     */
    @SuppressWarnings({"rawtypes", "unchecked"})
    static final RedisScript<List<Long>> SETTLE = (RedisScript) RedisScript.of("""
            local pending = redis.call('XPENDING', KEYS[1], ARGV[1], ARGV[3], ARGV[3], 1)
            if #pending == 0 or pending[1][2] ~= ARGV[2] then return {-1} end
            redis.call('XACK', KEYS[1], ARGV[1], ARGV[3])
            redis.call('XDEL', KEYS[1], ARGV[3])
            if ARGV[4] == 'retry' then
              redis.call('ZADD', KEYS[2], ARGV[8], ARGV[9])
              return {0}
            end
            if ARGV[4] == 'dead' then
              redis.call('LPUSH', KEYS[3], ARGV[10])
              redis.call('LTRIM', KEYS[3], 0, tonumber(ARGV[11]) - 1)
            end
            local ttl = redis.call('PTTL', KEYS[4])
            if ttl < 0 then return {2} end
            if redis.call('SADD', KEYS[5], ARGV[5]) == 1 then
              redis.call('HINCRBY', KEYS[4], ARGV[6], 1)
              if ARGV[7] ~= '' then redis.call('RPUSH', KEYS[6], ARGV[7]) end
              redis.call('PEXPIRE', KEYS[5], ttl)
              redis.call('PEXPIRE', KEYS[6], ttl)
            end
            local c = redis.call('HMGET', KEYS[4], 'total', 'sent', 'failed', 'skipped')
            local total, sent, failed, skipped = tonumber(c[1]), tonumber(c[2]), tonumber(c[3]), tonumber(c[4])
            local report = 0
            if sent + failed + skipped >= total and redis.call('HSETNX', KEYS[4], 'reported', '1') == 1 then
              report = 1
            end
            return {1, total, sent, failed, skipped, report}
            """, List.class);

    /** KEYS: retries, stream. ARGV: now millis, limit. Moves due retries back onto the stream. */
    static final RedisScript<Long> PROMOTE = RedisScript.of("""
            local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, tonumber(ARGV[2]))
            for _, member in ipairs(due) do
              local e = cjson.decode(member)
              redis.call('XADD', KEYS[2], '*', 'invitation', e.invitation, 'meeting', e.meeting, 'purpose', e.purpose,
                'language', e.language, 'batch', e.batch, 'attempt', e.attempt)
              redis.call('ZREM', KEYS[1], member)
            end
            return #due
            """, Long.class);
}
