package gov.budgetperf.report.narrative;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import gov.budgetperf.common.problem.ProblemException;
import gov.budgetperf.common.web.Versions;
import gov.budgetperf.report.content.DocumentInputs;
import gov.budgetperf.report.content.ReportData;
import gov.budgetperf.report.content.SectionKey;
import gov.budgetperf.report.document.Staleness;

/**
 * Narrative sections and the task list: saved with optimistic locking, every earlier text kept as a revision, and
 * every document built from them marked stale in the same transaction.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class NarrativeService {

    @Inject
    EntityManager em;

    @Inject
    Staleness staleness;

    @Inject
    com.fasterxml.jackson.databind.ObjectMapper mapper;

    /** What documents need: the texts, the tasks and one version for all of them. */
    public record Sections(Map<SectionKey, String> text, List<ReportData.Task> tasks, long version) {
    }

    @Transactional // also called from batch threads, which have no request context
    public Sections sections(String code, int year, String project) {
        Map<SectionKey, String> text = new EnumMap<>(SectionKey.class);
        long version = 0;
        for (Narrative n : list(code, year, project)) {
            text.put(n.section, n.content);
            version += n.version + 1;
        }
        List<ReportData.Task> tasks = new ArrayList<>();
        if (project.isEmpty()) {
            TaskList list = taskList(code, year);
            if (list != null) {
                version += list.version + 1;
                for (NarrativeInputs.TaskInput t : tasks(list)) {
                    tasks.add(new ReportData.Task(t.name(), t.expectedGoal(), t.achievement(), t.keyIndicator(),
                            t.indicatorResult(), t.funds()));
                }
            }
        }
        return new Sections(text, tasks, version);
    }

    public List<Narrative> list(String code, int year, String project) {
        return Narrative.list("departmentCode = ?1 and fiscalYear = ?2 and projectCode = ?3 order by section", code,
                year, project);
    }

    public Narrative get(String code, int year, String project, SectionKey section) {
        return find(code, year, project, section)
                .orElseThrow(() -> ProblemException.notFound("No section " + section + " written for " + code + "/"
                        + year + (project.isEmpty() ? "" : "/" + project)));
    }

    private java.util.Optional<Narrative> find(String code, int year, String project, SectionKey section) {
        return Narrative.find("departmentCode = ?1 and fiscalYear = ?2 and projectCode = ?3 and section = ?4", code,
                year, project, section).firstResultOptional();
    }

    /**
     * Writes a section. Creating one needs no If-Match (or {@code *}); changing one needs the ETag read (412 when
     * stale, 428 when missing).
     */
    @Transactional
    public Narrative save(String code, int year, String project, SectionKey section, String content, String ifMatch,
            String user) {
        if (project.isEmpty() ? !section.forDepartment() : !section.forProject()) {
            throw ProblemException.invalid("section", section + " is not a section of a "
                    + (project.isEmpty() ? "department" : "project") + " document");
        }
        // locked: concurrent saves of one section queue here, so each later one compares its If-Match with the
        // version the earlier one wrote (412) instead of colliding on the revision key
        Narrative n = Narrative.<Narrative>find(
                "departmentCode = ?1 and fiscalYear = ?2 and projectCode = ?3 and section = ?4", code, year, project,
                section).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional().orElse(null);
        OffsetDateTime now = OffsetDateTime.now();
        if (n == null) {
            if (ifMatch != null && !ifMatch.isBlank() && !ifMatch.trim().equals("*")) {
                throw ProblemException.preconditionFailed("Section " + section + " does not exist yet: send no If-Match");
            }
            n = new Narrative();
            n.departmentCode = code;
            n.fiscalYear = year;
            n.projectCode = project;
            n.section = section;
            n.content = content;
            n.updatedBy = user;
            n.updatedAt = now;
            n.persist();
        } else {
            Versions.requireMatch(ifMatch, n.version);
            if (n.content.equals(content)) {
                return n; // nothing changed: no new version, nothing stale
            }
            em.createNativeQuery("INSERT INTO narrative_revision (narrative_id, version, content, saved_by, saved_at) "
                    + "VALUES (?1, ?2, ?3, ?4, ?5)").setParameter(1, n.id).setParameter(2, n.version)
                    .setParameter(3, n.content).setParameter(4, n.updatedBy).setParameter(5, n.updatedAt)
                    .executeUpdate();
            n.content = content;
            n.updatedBy = user;
            n.updatedAt = now;
        }
        em.flush();
        changed(code, year, project);
        return n;
    }

    public List<NarrativeInputs.RevisionView> revisions(Narrative n) {
        List<NarrativeInputs.RevisionView> out = new ArrayList<>();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT version, content, saved_by, saved_at FROM narrative_revision "
                + "WHERE narrative_id = ?1 ORDER BY version").setParameter(1, n.id).getResultList();
        for (Object[] r : rows) {
            out.add(new NarrativeInputs.RevisionView(((Number) r[0]).longValue(), (String) r[1], (String) r[2],
                    r[3] instanceof OffsetDateTime t
                            ? t
                            : ((java.time.Instant) r[3]).atOffset(java.time.ZoneOffset.UTC)));
        }
        out.add(new NarrativeInputs.RevisionView(n.version, n.content, n.updatedBy, n.updatedAt));
        return out;
    }

    public TaskList taskList(String code, int year) {
        return TaskList.<TaskList>find("departmentCode = ?1 and fiscalYear = ?2", code, year).firstResult();
    }

    @Transactional
    public TaskList saveTasks(String code, int year, List<NarrativeInputs.TaskInput> tasks, String ifMatch,
            String user) {
        // locked, as a section is: a concurrent save with the same If-Match is a 412, not a lost update
        TaskList list = TaskList.<TaskList>find("departmentCode = ?1 and fiscalYear = ?2", code, year)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
        if (list == null) {
            if (ifMatch != null && !ifMatch.isBlank() && !ifMatch.trim().equals("*")) {
                throw ProblemException.preconditionFailed("The task list does not exist yet: send no If-Match");
            }
            list = new TaskList();
            list.departmentCode = code;
            list.fiscalYear = year;
            list.tasks = json(tasks);
            list.updatedBy = user;
            list.updatedAt = OffsetDateTime.now();
            list.persist();
        } else {
            Versions.requireMatch(ifMatch, list.version);
            if (tasks(list).equals(tasks)) {
                return list;
            }
            list.tasks = json(tasks);
            list.updatedBy = user;
            list.updatedAt = OffsetDateTime.now();
        }
        em.flush();
        changed(code, year, "");
        return list;
    }

    public List<NarrativeInputs.TaskInput> tasks(TaskList list) {
        try {
            return List.of(mapper.readValue(list.tasks, NarrativeInputs.TaskInput[].class));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private String json(List<NarrativeInputs.TaskInput> tasks) {
        try {
            return mapper.writeValueAsString(tasks);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Marks the documents built from these narratives stale. */
    private void changed(String code, int year, String project) {
        staleness.inputChanged(DocumentInputs.Kind.NARRATIVE, DocumentInputs.subjectKey(code, year, project),
                sections(code, year, project).version(), "narrative of " + DocumentInputs.subjectKey(code, year, project)
                        + " changed");
    }
}
