"""The procedure's calendar (Decision 26/2026/QĐ-TTg and the Civil Code's counting): working
days with Vietnam's public holidays (:mod:`.workdays`), the deadlines of the procedure
(:mod:`.deadlines`) and dates as Vietnamese documents write them (:mod:`.dates`). Below both
the round and the register, which each check deadlines; imports nothing else of ours."""
