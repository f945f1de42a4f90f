//! Outlook's Thread-Index (MS-OXOMSG PidTagConversationIndex): a 22-byte header block from the
//! conversation's first message plus one 5-byte child block per reply. Outlook groups a reply
//! into a conversation when its index extends the parent's.

use base64::Engine;
use chrono::{DateTime, Utc};

/// 100-ns intervals between 1601-01-01 and 1970-01-01.
const FILETIME_UNIX_OFFSET: i64 = 116_444_736_000_000_000;

fn filetime(t: DateTime<Utc>) -> u64 {
    let ticks = t.timestamp() as i128 * 10_000_000 + (t.timestamp_subsec_nanos() / 100) as i128;
    (ticks + FILETIME_UNIX_OFFSET as i128).max(0) as u64
}

/// The Thread-Index of a reply to a message whose Thread-Index is `parent` (base64), written
/// at `now`. `None` when the parent's value is not a valid index.
pub fn child(parent: &str, now: DateTime<Utc>, entropy: u8) -> Option<String> {
    let b64 = base64::engine::general_purpose::STANDARD;
    let bytes = b64.decode(parent.trim()).ok()?;
    if bytes.len() < 22 || (bytes.len() - 22) % 5 != 0 {
        return None;
    }
    // Header time: the first 6 bytes are the FILETIME's high 48 bits.
    let mut header_ft: u64 = 0;
    for b in &bytes[..6] {
        header_ft = (header_ft << 8) | *b as u64;
    }
    header_ft <<= 16;
    let diff = filetime(now).saturating_sub(header_ft);
    // Small differences keep bits 18..48 (DeltaCode 0); large ones bits 23..53 (DeltaCode 1).
    let block: u64 = if diff & 0xFFFE_0000_0000_0000 == 0 {
        (diff >> 18) & 0x7FFF_FFFF
    } else {
        (1 << 31) | ((diff >> 23) & 0x7FFF_FFFF)
    };
    let mut out = bytes;
    out.extend_from_slice(&(block as u32).to_be_bytes());
    out.push(entropy);
    Some(b64.encode(out))
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn child_extends_the_parent_by_five_bytes() {
        let b64 = base64::engine::general_purpose::STANDARD;
        let sent = Utc.with_ymd_and_hms(2026, 11, 10, 9, 0, 0).unwrap();
        let mut header = (filetime(sent) >> 16).to_be_bytes()[2..8].to_vec();
        header.extend_from_slice(&[0xAB; 16]);
        let parent = b64.encode(&header);
        let later = Utc.with_ymd_and_hms(2026, 11, 13, 9, 0, 0).unwrap();
        let c = child(&parent, later, 0x15).unwrap();
        let bytes = b64.decode(&c).unwrap();
        assert_eq!(bytes.len(), 27);
        assert_eq!(&bytes[..22], &header[..]);
        // Delta code 0 and the time difference in units of 2^18 ticks (~26 ms).
        let block = u32::from_be_bytes(bytes[22..26].try_into().unwrap());
        assert_eq!(block >> 31, 0);
        let expected = ((filetime(later) - ((filetime(sent) >> 16) << 16)) >> 18) as u32;
        assert_eq!(block & 0x7FFF_FFFF, expected);
    }

    #[test]
    fn garbage_parent_gives_none() {
        assert_eq!(child("not base64!", Utc::now(), 0), None);
        assert_eq!(child("AAAA", Utc::now(), 0), None);
    }
}
