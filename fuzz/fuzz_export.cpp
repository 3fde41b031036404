// fuzz_export: an export file exactly as it arrives from another school (any bytes).
//
// inspect_export reads the envelope (size, JSON, format, version, every header field, the KDF
// limits). A file it accepts is then opened with the fixed key: the seeds include exports sealed
// under that key, so mutated headers and ciphertexts reach key_check, header_mac, the AEAD and
// the contents reader, not only "wrong passphrase".
#include "common.h"
#include "crypto/export_file.h"

using namespace cp;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const InspectResult inspected = inspect_export(fuzz::text(data, size));
    if (!inspected.ok()) {
        fuzz::check(inspected.problem.code != ExportError::none, "a refused file has a problem code");
        fuzz::check(!inspected.problem.message.empty(), "a refused file has a message");
        return 0;
    }
    const ExportHeader& h = inspected.sealed->header;
    fuzz::check(check_kdf_limits(h.kdf.params) == KdfCheck::ok, "an accepted file's KDF costs are within the limits");
    fuzz::check(h.version == export_format_version, "an accepted file has the supported version");
    fuzz::check(inspected.sealed->ciphertext.size() >= 16, "an accepted ciphertext holds at least the tag");

    const OpenResult opened = open_with_key(*inspected.sealed, fuzz::fixed_key());
    if (!opened.ok()) {
        fuzz::check(opened.problem.code != ExportError::none && !opened.problem.message.empty(),
                    "a file that does not open says why");
        return 0;
    }
    // Whatever opened seals again and opens to the same contents.
    const std::string   again = seal_export_with_key(*opened.contents, fuzz::fixed_key(), h.kdf, fuzz::fixed_random());
    const InspectResult re = inspect_export(again);
    fuzz::check(re.ok(), "a re-sealed export passes inspection");
    const OpenResult reopened = open_with_key(*re.sealed, fuzz::fixed_key());
    fuzz::check(reopened.ok(), "a re-sealed export opens");
    fuzz::check(reopened.contents->kind == opened.contents->kind && reopened.contents->note == opened.contents->note &&
                    reopened.contents->created == opened.contents->created &&
                    reopened.contents->payload == opened.contents->payload,
                "a re-sealed export holds the same contents");
    return 0;
}
