//! The example workbook: Maya, whose small bakery folded after 18 months,
//! a few weeks into her comeback. Dates are relative to `today` so the
//! example always looks current: hours this week, a follow-up due, an event
//! coming up. It is marked (`settings.example`) so the app can say so on
//! every page and remove it in one step.

use chrono::{Datelike, Days, NaiveDate};

use super::debrief::{Answer, Control, EventDate, NoteList, SetbackKind};
use super::meta::Records;
use super::mojo::{EventKind, ProjectKind, ProudKind};
use super::outreach::{Channel, Contact, Frequency, Status};
use super::plan::opportunities::{SourceKind, Stage};
use super::plan::story::Part;
use super::plan::TargetKind;
use super::{Timestamp, Workbook};

/// (name, how we know each other, how often, company, role): a table, one
/// person a line.
#[rustfmt::skip]
const PEOPLE: [(&str, &str, Frequency, &str, &str); 25] = [
    ("Priya Raman", "Supplier rep for our flour", Frequency::FewTimesAYear, "Northfield Mills", "Account manager"),
    ("Tom Becker", "Old colleague from the hotel kitchen", Frequency::OnceAYearOrLess, "Harbour Hotels", "Operations manager"),
    ("Lena Vogt", "Customer who ran the office next door", Frequency::OnceAYearOrLess, "Brightside Foods", "Head of product"),
    ("Sam Okoye", "Friend from cooking school", Frequency::Monthly, "", "Pastry chef"),
    ("Jonas Meyer", "Met at a small-business workshop", Frequency::NeverMet, "Brightside Foods", "Operations analyst"),
    ("Aisha Khan", "Sister-in-law", Frequency::Weekly, "City Council", "Policy officer"),
    ("Marco Rossi", "Rented the unit before us", Frequency::OnceAYearOrLess, "Rossi & Sons", "Owner"),
    ("Hannah Lee", "LinkedIn connection, food start-up founder", Frequency::NeverMet, "Oat & Co", "Founder"),
    ("Diego Alvarez", "Our accountant", Frequency::FewTimesAYear, "Alvarez Accounting", "Accountant"),
    ("Grace Chen", "Regular customer, works in logistics", Frequency::OnceAYearOrLess, "Fresh Route", "Operations manager"),
    ("Peter Novak", "Former manager at the hotel", Frequency::OnceAYearOrLess, "Harbour Hotels", "General manager"),
    ("Nadia Haddad", "Farmers' market stall neighbour", Frequency::FewTimesAYear, "", "Cheesemaker"),
    ("Oliver Smith", "University friend", Frequency::Monthly, "Greenleaf Grocers", "Store manager"),
    ("Ruth Adams", "Mentor from the enterprise scheme", Frequency::FewTimesAYear, "Enterprise Hub", "Business adviser"),
    ("Kenji Sato", "Equipment supplier", Frequency::OnceAYearOrLess, "Kitchen Pro", "Sales lead"),
    ("Fatima Diallo", "Met at a food-safety course", Frequency::NeverMet, "Fresh Route", "Quality lead"),
    ("Ben Carter", "Neighbour", Frequency::SeveralTimesAWeek, "", "Teacher"),
    ("Chloé Martin", "Ex-employee, now at a chain", Frequency::OnceAYearOrLess, "Daily Crust", "Shift supervisor"),
    ("Ivan Petrov", "Landlord's son, in tech", Frequency::NeverMet, "Shelf Labs", "Product manager"),
    ("Maria Lopez", "Local business association", Frequency::FewTimesAYear, "Business Association", "Coordinator"),
    ("Ahmed Yusuf", "Delivery partner", Frequency::OnceAYearOrLess, "Fresh Route", "Area manager"),
    ("Sofia Bianchi", "Cousin", Frequency::Monthly, "", "Nurse"),
    ("Lucas Dubois", "Met at a meetup on food tech", Frequency::NeverMet, "Shelf Labs", "Head of operations"),
    ("Emma Wilson", "Former customer, recruiter", Frequency::OnceAYearOrLess, "Talent Bridge", "Recruiter"),
    ("Noah Fischer", "Gym friend", Frequency::SeveralTimesAWeek, "", "Electrician"),
];

fn days_before(today: NaiveDate, days: u64) -> NaiveDate {
    today.checked_sub_days(Days::new(days)).unwrap_or(today)
}

fn days_after(today: NaiveDate, days: u64) -> NaiveDate {
    today.checked_add_days(Days::new(days)).unwrap_or(today)
}

/// Maya's workbook, as it might look a month in.
pub fn example_workbook(today: NaiveDate, now: Timestamp) -> Workbook {
    let mut workbook = Workbook::new(now);
    workbook.settings.example = true;
    workbook.settings.welcomed = true;
    add_budget(&mut workbook, now);
    add_debrief(&mut workbook, today, now);
    add_outreach(&mut workbook, today, now);
    add_mojo(&mut workbook, today, now);
    add_plan(&mut workbook, today, now);
    // A month in: her news is out and her side projects are going, and she
    // has marked those steps done; the next move is what she works on now.
    workbook.outreach.done_at = Some(now);
    workbook.mojo.done_at = Some(now);
    workbook
}

fn add_budget(workbook: &mut Workbook, now: Timestamp) {
    use super::first_steps::MoneyLine;
    use super::RecordMeta;
    let line = |label: &str, euros: i64| MoneyLine {
        meta: RecordMeta::new(now),
        label: label.into(),
        monthly_cents: euros * 100,
    };
    let budget = &mut workbook.first_steps.budget;
    budget.savings_cents = 9_400 * 100;
    budget.income = vec![line("Unemployment benefit", 1_150)];
    budget.essential =
        vec![line("Rent", 950), line("Food", 380), line("Utilities and phone", 160), line("Loan for the oven", 240)];
    budget.optional = vec![line("Gym", 35), line("Streaming", 18)];
    workbook.first_steps.updated_at = Some(now);
}

fn add_debrief(workbook: &mut Workbook, today: NaiveDate, now: Timestamp) {
    let debrief = &mut workbook.debrief;
    debrief.set_setback(Some(SetbackKind::BusinessFailed), now);
    debrief.set_setback_on(Some(days_before(today, 75)), now);
    debrief.set_summary(
        "I opened a small bakery, Crumb & Co., and closed it 18 months later. I left a steady job after one good month, grew the menu too fast, and ran out of savings in the second winter.",
        now,
    );
    let year = today.year() - 1;
    for (date, what, my_part, turning_point) in [
        (
            EventDate::Month { year: year - 1, month: 3 },
            "Opened the bakery after one great month of market stalls.",
            "I quit my job on the strength of a single month.",
            true,
        ),
        (
            EventDate::Month { year: year - 1, month: 9 },
            "Doubled the menu and hired two people.",
            "I grew before the numbers said so.",
            false,
        ),
        (
            EventDate::Month { year, month: 1 },
            "A slow winter: takings fell by half.",
            "I hoped spring would fix it instead of cutting costs.",
            true,
        ),
        (
            EventDate::Month { year, month: 8 },
            "Closed the shop and let the team go.",
            "I told them late; I should have warned them in June.",
            false,
        ),
    ] {
        let id = debrief.add_event(now);
        debrief.update_event(id, now, |event| {
            event.date = date;
            event.what = what.into();
            event.my_part = my_part.into();
            event.turning_point = turning_point;
        });
    }
    debrief.answers.push(Answer {
        question: "could-change".into(),
        text: "I would have kept my job and run the stalls at weekends for six more months.".into(),
        updated_at: Some(now),
        ..Answer::default()
    });
    debrief.add_factor("Winter footfall in our street", Control::Outside, now);
    debrief.add_factor("Growing the menu before the numbers were there", Control::Mine, now);
    debrief.add_note(NoteList::WentWell, "Customers loved the sourdough; the regulars still write to me.", now);
    debrief.add_note(NoteList::WentWrong, "No cash buffer for a bad season.", now);
    let lesson = debrief.add_note(NoteList::Lessons, "Test demand for longer before I commit my savings.", now);
    debrief.add_note(NoteList::Lessons, "Warn people early when things go badly.", now);
    if let Some(lesson) = lesson {
        debrief.set_key_lesson(lesson, now);
    }
    debrief.add_note(NoteList::Options, "Operations roles in food companies", now);
    debrief.closure_note = "It was a brave try and I learned a lot. I am ready to use it.".into();
    let _ = debrief.finish(now);
    // Gone through part by part, to the end.
    debrief.set_place(super::sequence::Screen::Part(super::sequence::Part::Closure), now);
    debrief.session.date = Some(days_before(today, 20));
}

fn add_outreach(workbook: &mut Workbook, today: NaiveDate, now: Timestamp) {
    let outreach = &mut workbook.outreach;
    outreach.share_by = Some(days_before(today, 10));
    outreach.announcement.moved_on_from = "my bakery, Crumb & Co.".into();
    outreach.announcement.pursuing = "an operations role in a food company".into();
    outreach.announcement.how_to_help = "an introduction to anyone in food operations".into();
    for (index, (name, how, often, company, role)) in PEOPLE.into_iter().enumerate() {
        let contact = Contact {
            how_we_know: how.into(),
            how_often: Some(often),
            company: company.into(),
            role: role.into(),
            ..Contact::new(name, now)
        };
        let id = outreach.push(contact, now);
        // A few people already reached, one of them due for a follow-up.
        match index {
            1 => {
                outreach.log_interaction(
                    id,
                    days_before(today, 16),
                    Channel::Message,
                    "Told him about the bakery; he offered to ask around.",
                    now,
                );
                outreach.update_contact(id, now, |contact| contact.set_status(Status::Replied, days_before(today, 14)));
            }
            2 => {
                outreach.log_interaction(
                    id,
                    days_before(today, 6),
                    Channel::Email,
                    "Asked for an introduction to her operations team.",
                    now,
                );
                outreach
                    .update_contact(id, now, |contact| contact.set_status(Status::IntroAsked, days_before(today, 5)));
            }
            4 => {
                outreach.log_interaction(
                    id,
                    days_before(today, 3),
                    Channel::Video,
                    "Coffee chat about the analyst team.",
                    now,
                );
                outreach.update_contact(id, now, |contact| contact.set_status(Status::Met, days_before(today, 3)));
            }
            9 => {
                outreach.log_interaction(id, days_before(today, 25), Channel::InPerson, "Chatted at the market.", now);
                outreach.update_contact(id, now, |contact| contact.status = Status::Messaged);
            }
            _ => {}
        }
    }
}

fn add_mojo(workbook: &mut Workbook, today: NaiveDate, now: Timestamp) {
    let mojo = &mut workbook.mojo;
    let mut projects = Vec::new();
    for (name, kind, goal) in [
        ("Food operations course", ProjectKind::Course, "Learn the planning tools food companies use"),
        ("Bakery lessons blog", ProjectKind::Other, "Show what I learned running a business"),
    ] {
        if let Some(id) = mojo.add_project(name, now) {
            mojo.update_project(id, now, |project| {
                project.kind = kind;
                project.goal = goal.into();
            });
            projects.push(id);
        }
    }
    // Several weeks of logged hours, a little every few days.
    for (project, days_ago, hours, note) in [
        (0, 1, 3.0, "Inventory planning module"),
        (1, 2, 2.0, "Post: what a slow winter taught me"),
        (0, 5, 4.0, "Demand forecasting exercises"),
        (0, 9, 3.5, "Supplier management"),
        (1, 11, 2.5, "Post: pricing mistakes"),
        (0, 15, 4.0, "Course week 2"),
        (0, 19, 3.0, "Course week 1"),
        (1, 23, 2.0, "First post"),
    ] {
        if let Some(id) = projects.get(project) {
            let _ = mojo.log_time(*id, days_before(today, days_ago), hours, note, now);
        }
    }
    if let Some(id) = projects.first() {
        if let Some(milestone) = mojo.add_milestone(*id, "Finish module 1", now) {
            mojo.update_project(*id, now, |project| {
                if let Some(step) = project.milestones.by_id_mut(milestone) {
                    step.done_on = Some(days_before(today, 8));
                }
            });
        }
    }
    let attended = mojo.add_event(Some(days_before(today, 12)), now);
    mojo.update_event(attended, now, |event| {
        event.name = "Food tech meetup".into();
        event.kind = EventKind::Meetup;
        event.attended = true;
        event.place = "The Old Library".into();
    });
    let planned = mojo.add_event(Some(days_after(today, 2)), now);
    mojo.update_event(planned, now, |event| {
        event.name = "Small business breakfast".into();
        event.kind = EventKind::Networking;
    });
    mojo.add_proud(
        ProudKind::Accomplishment,
        "Kept the bakery going through a pandemic-sized winter",
        days_before(today, 20),
        now,
    );
    mojo.add_proud(
        ProudKind::Praise,
        "A regular wrote that our bread was the best part of her week",
        days_before(today, 9),
        now,
    );
}

fn add_plan(workbook: &mut Workbook, today: NaiveDate, now: Timestamp) {
    let plan = &mut workbook.plan;
    plan.targets.add(TargetKind::Role, "operations manager", now);
    plan.targets.add(TargetKind::Company, "Brightside Foods", now);
    plan.targets.add(TargetKind::Company, "Fresh Route", now);
    let path = &mut plan.path;
    let options: Vec<_> = path.options.iter().map(|option| option.meta.id).collect();
    let criteria: Vec<_> = path.criteria.iter().map(|criterion| criterion.meta.id).collect();
    if let (&[job, freelance, business], &[stability, interest, skills, time]) =
        (options.as_slice(), criteria.as_slice())
    {
        path.set_weight(stability, 5, now);
        for (option, scores) in [(job, [5, 3, 4, 4]), (freelance, [2, 4, 3, 3]), (business, [1, 5, 4, 1])] {
            for (criterion, score) in [stability, interest, skills, time].into_iter().zip(scores) {
                path.set_score(option, criterion, Some(score), now);
            }
        }
        path.choose(Some(job), now);
    }
    let lena = workbook.outreach.contacts.get(2).map(|contact| contact.meta.id);
    let opportunities = &mut plan.opportunities;
    if let Some(id) =
        opportunities.add("Brightside Foods", "Operations manager", Stage::Idea, days_before(today, 9), now)
    {
        opportunities.move_to(id, Stage::Applied, days_before(today, 5), now);
        opportunities.update(id, now, |opportunity| {
            opportunity.source = SourceKind::Contact;
            opportunity.contact = lena;
            opportunity.next_step = "Follow up with Lena about the team".into();
            opportunity.next_date = Some(days_after(today, 3));
        });
    }
    if let Some(id) =
        opportunities.add("Fresh Route", "Operations coordinator", Stage::Applied, days_before(today, 14), now)
    {
        opportunities.move_to(id, Stage::Screening, days_before(today, 4), now);
        opportunities.update(id, now, |opportunity| {
            opportunity.source = SourceKind::JobBoard;
            opportunity.source_note = "Local jobs board".into();
        });
    }
    plan.add_action("Update my CV with the bakery years", Some(days_after(today, 1)), now);
    plan.add_action("Ask Tom for an introduction at Harbour Hotels", Some(days_after(today, 10)), now);
    plan.answer.set_part(
        Part::WhyReady,
        Some("I know now that I love running operations more than owning the risk, and I am ready to bring that to a food company.".into()),
        now,
    );
}
