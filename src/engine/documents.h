// documents.h: the content of each form and letter in the protocols, as data a screen renders
// and prints. Every blank the case cannot fill is listed in `missing`, never left blank silently.
//
//   for (auto& id : document_ids_for(pack, state)) { auto doc = make_document(id, {state, pack, cal, today, &ws}); }
//
// Documents are the forms the packs write as data (FormTemplate, pack.h: passports, notification,
// meeting and review forms, contracts, the notices to the LA, the baseline's direction letter),
// their texts with the case's facts written in (template_text.h).
//
// Index
//   DocField, DocSection, Document     the structure
//   DocumentInput                      what a document is made from
//   document_ids_for, make_document, document_short_name, document_to_json, form_condition_holds
//   suggested_notice                   the notice's contents as far as the case knows them
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "engine/calendar.h"
#include "engine/case_state.h"
#include "engine/pack.h"

namespace cp {

struct Workspace;

struct DocField {
    std::string label;              // as printed on the form
    std::string value;              // "" when missing or when it is a signature line
    bool        missing = false;    // the case does not hold this yet
    bool        signature = false;  // a line to sign by hand (never "missing")
};

struct DocSection {
    std::string              heading;   // "Section 1a: Child Details"
    std::string              passport;  // "1a" when it is a part of the pupil passport (FormSection::passport)
    std::vector<DocField>    fields;
    std::vector<std::string> paragraphs;  // running text (letters, fixed contract terms)
};

struct Document {
    std::string              id;      // the form's id: "direction_letter"
    std::string              title;   // "Managed Move/Reintegration Contract for trial admission"
    Citation                 source;  // the form it reproduces
    std::vector<DocSection>  sections;
    std::vector<std::string> missing;  // "Section 1a: UPN", in form order
};

struct DocumentInput {
    const CaseState&      state;
    const Pack&           pack;
    const SchoolCalendar& calendar;
    Date                  today;
    const Workspace*      workspace = nullptr;  // school names
    int                   review_index = -1;    // a per-review form's review (-1 = the latest)
    int                   weeks = 0;            // in a form's part repeated `at_weeks`: the weeks after the start
};

std::vector<std::string> document_ids_for(const Pack& pack, const CaseState& s);
// Whether a form's yes/no condition ("flag.cla", "not review.emergency") holds; "" always does.
bool form_condition_holds(const std::string& when, const DocumentInput& in);
// The written notice (reg 3) as far as the case already says it: the host's address, the host lead to
// report to, the school days of the agreed length, the reasons, the agreed success criteria and session
// times, the parents it goes to. A form starts from it; what the case cannot say is left out.
Json                    suggested_notice(const DocumentInput& in);
std::optional<Document> make_document(const std::string& id, const DocumentInput& in);
std::string document_short_name(const Pack& pack, const std::string& id);  // "Form 1: Notification", for a picker
Json        document_to_json(const Document& d);

}  // namespace cp
