package gov.budgetperf.evaluation.ruleset;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.panache.common.Sort;

import gov.budgetperf.common.problem.ProblemException;
import gov.budgetperf.common.problem.Violation;
import gov.budgetperf.common.security.CallerAccess;
import gov.budgetperf.common.web.Page;
import gov.budgetperf.common.web.PageRequest;
import gov.budgetperf.common.web.Versions;
import gov.budgetperf.evaluation.scoring.GradeBands;
import gov.budgetperf.evaluation.scoring.OverachievementPolicy;
import gov.budgetperf.evaluation.scoring.ScoringException;

/** Rule sets and grade band sets: drafts are edited, published versions are immutable. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class RuleSetService {

    static final Overachievement DEFAULT_OVERACHIEVEMENT = new Overachievement(new BigDecimal("1.5"), false,
            new BigDecimal("0.5"));

    @Inject
    ObjectMapper mapper;

    @Inject
    CallerAccess access;

    /** Rule sets are reference data: every caller that reaches a department (or all) reads them. */
    public Page<RuleSet> list(String code, RuleSet.SubjectType subjectType, PageRequest page) {
        access.restrictedDepartment();
        StringBuilder q = new StringBuilder("1 = 1");
        List<Object> params = new ArrayList<>();
        if (code != null) {
            params.add(code);
            q.append(" and code = ?").append(params.size());
        }
        if (subjectType != null) {
            params.add(subjectType);
            q.append(" and subjectType = ?").append(params.size());
        }
        var query = RuleSet.find(q.toString(), Sort.by("code").and("version"), params.toArray()).page(page.page,
                page.size);
        return new Page<>(query.list(), page.page, page.size, query.count());
    }

    public RuleSet get(String code, int version) {
        access.restrictedDepartment();
        return RuleSet.byVersion(code, version)
                .orElseThrow(() -> ProblemException.notFound("No rule set " + code + " version " + version));
    }

    @Transactional
    public RuleSet create(RuleSetInput in) {
        access.requireFinance();
        validate(in);
        RuleSet r = new RuleSet();
        r.code = in.code();
        r.version = RuleSet.nextVersion(in.code());
        apply(r, in);
        r.status = RuleSet.Status.DRAFT;
        r.createdBy = access.user();
        r.persist();
        return r;
    }

    @Transactional
    public RuleSet update(String code, int version, RuleSetInput in, String ifMatch) {
        access.requireFinance();
        RuleSet r = get(code, version);
        requireDraft(r);
        Versions.requireMatch(ifMatch, r.rowVersion);
        if (!code.equals(in.code())) {
            throw ProblemException.invalid("code", "the code of a rule set cannot change");
        }
        validate(in);
        apply(r, in);
        return r;
    }

    @Transactional
    public RuleSet publish(String code, int version, String ifMatch) {
        access.requireFinance();
        RuleSet r = get(code, version);
        requireDraft(r);
        Versions.requireMatch(ifMatch, r.rowVersion);
        r.status = RuleSet.Status.PUBLISHED;
        r.publishedAt = OffsetDateTime.now();
        return r;
    }

    public List<GradeBandSet> bandSets() {
        access.restrictedDepartment();
        return GradeBandSet.listAll(Sort.by("code"));
    }

    @Transactional
    public GradeBandSet createBandSet(GradeBandSetInput in) {
        access.requireFinance();
        if (GradeBandSet.byCode(in.code()).isPresent()) {
            throw ProblemException.conflict("Grade band set " + in.code() + " exists; band sets are immutable");
        }
        try {
            // the scoring engine's own rules for bands: one band at 0, no two at the same bound or with the same grade
            new GradeBands(in.bands().stream().map(b -> new GradeBands.Band(b.grade(), b.min())).toList());
        } catch (ScoringException e) {
            throw ProblemException.invalid("bands", e.getMessage());
        }
        GradeBandSet s = new GradeBandSet();
        s.code = in.code();
        s.name = in.name();
        s.bands = in.bands().stream().sorted((a, b) -> b.min().compareTo(a.min())).toList();
        s.persist();
        return s;
    }

    private void validate(RuleSetInput in) {
        List<Violation> violations = new ArrayList<>(new RuleSetValidator(mapper).validate(in.tree()));
        if (in.overachievement() != null) {
            Overachievement o = in.overachievement();
            try {
                new OverachievementPolicy(o.bound(), o.deductByDeviation(), o.maxDeductionFraction());
            } catch (ScoringException e) {
                violations.add(new Violation("overachievement." + e.field(), e.getMessage()));
            }
        }
        if (in.gradeBandSet() != null && GradeBandSet.byCode(in.gradeBandSet()).isEmpty()) {
            violations.add(new Violation("gradeBandSet", "no grade band set " + in.gradeBandSet()));
        }
        if (!violations.isEmpty()) {
            throw ProblemException.unprocessable("The rule set is inconsistent: " + violations.size() + " problem(s)",
                    violations);
        }
    }

    private static void apply(RuleSet r, RuleSetInput in) {
        r.name = in.name();
        r.subjectType = in.subjectType();
        r.effectiveFrom = in.effectiveFrom();
        r.gradeBandSet = in.gradeBandSet() == null ? "DEFAULT" : in.gradeBandSet();
        r.overachievement = in.overachievement() == null ? DEFAULT_OVERACHIEVEMENT : in.overachievement();
        r.tree = in.tree();
        r.description = in.description();
    }

    private static void requireDraft(RuleSet r) {
        if (r.status == RuleSet.Status.PUBLISHED) {
            throw ProblemException.conflict("Rule set " + r.label() + " is published and cannot change; create a new version");
        }
    }
}
