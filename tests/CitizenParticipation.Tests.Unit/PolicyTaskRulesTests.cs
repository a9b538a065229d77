using CitizenParticipation.Core.Contracts;
using CitizenParticipation.Modules.Registry.Domain;

namespace CitizenParticipation.Tests.Unit;

/// <summary>The rules a policy task guards itself: what it refuses, how progress and status move, and how a family's progress follows its children.</summary>
public sealed class PolicyTaskRulesTests
{
    private static readonly DateTime T0 = new(2026, 3, 2, 9, 0, 0, DateTimeKind.Utc);

    private static PolicyTask Task(string title = "버스 노선 확충") => new(title, PolicyTaskKind.Pledge, T0);

    private static NewActivity Entry(ActivityKind kind = ActivityKind.Report, string text = "현장 점검을 했습니다.", int? corrects = null, int? progress = null, PolicyTaskStatus? status = null) =>
        new(kind, new DateOnly(2026, 3, 2), Guid.NewGuid(), "  박도현  ", text, Corrects: corrects, ProgressAfter: progress, StatusAfter: status);

    [Fact]
    public void A_new_task_is_public_planned_at_zero_progress_with_its_title_trimmed()
    {
        var task = Task("  버스 노선 확충  ");

        Assert.Equal("버스 노선 확충", task.Title);
        Assert.Equal(PolicyTaskStatus.Planned, task.Status);
        Assert.Equal(0, task.Progress);
        Assert.True(task.IsPublic);
        Assert.Equal(1, task.Weight);
        Assert.Equal(T0, task.CreatedAt);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void A_task_without_a_title_is_refused(string? title) =>
        Assert.Throws<RegistryRuleException>(() => new PolicyTask(title!, PolicyTaskKind.Directive, T0));

    [Fact]
    public void A_title_of_200_characters_is_taken_and_201_refused()
    {
        var task = Task();
        task.Rename(new string('가', 200));
        Assert.Equal(200, task.Title.Length);

        Assert.Throws<RegistryRuleException>(() => task.Rename(new string('가', 201)));
        Assert.Equal(200, task.Title.Length);
    }

    [Fact]
    public void A_description_too_long_or_nested_too_deep_is_refused_and_changes_nothing()
    {
        var task = Task();
        task.Describe("요약", 1, 2, " 박도현 ", isPublic: false, T0.AddHours(1));
        Assert.Equal(("요약", (int?)1, (int?)2, "박도현", false, T0.AddHours(1)), (task.Summary, task.PolicyFieldId, task.DepartmentId, task.OfficerName, task.IsPublic, task.UpdatedAt));

        Assert.Throws<RegistryRuleException>(() => task.Describe(new string('a', 20001), 3, 4, null, true, T0.AddHours(2)));
        Assert.Throws<RegistryRuleException>(() => task.Describe(new string('>', 19990), 3, 4, null, true, T0.AddHours(2)));
        Assert.Equal(("요약", (int?)1, (int?)2, "박도현", false, T0.AddHours(1)), (task.Summary, task.PolicyFieldId, task.DepartmentId, task.OfficerName, task.IsPublic, task.UpdatedAt));

        task.Describe(null, null, null, null, true, T0.AddHours(3));
        Assert.Equal(("", ""), (task.Summary, task.OfficerName));
    }

    [Fact]
    public void A_target_date_before_the_start_is_refused()
    {
        var task = Task();
        task.Schedule(new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 1));
        task.Schedule(null, new DateOnly(2025, 1, 1));
        Assert.Equal((null, new DateOnly(2025, 1, 1)), (task.StartDate, task.TargetDate));

        Assert.Throws<RegistryRuleException>(() => task.Schedule(new DateOnly(2026, 1, 2), new DateOnly(2026, 1, 1)));
        Assert.Equal((null, new DateOnly(2025, 1, 1)), (task.StartDate, task.TargetDate));
    }

    [Theory]
    [InlineData(37.45, null)]
    [InlineData(null, 126.7)]
    [InlineData(90.5, 126.7)]
    [InlineData(-91.0, 126.7)]
    [InlineData(37.45, 180.5)]
    [InlineData(37.45, -181.0)]
    public void Half_a_map_point_or_one_off_the_globe_is_refused(double? latitude, double? longitude)
    {
        var task = Task();
        task.Locate(37.45, 126.7);

        Assert.Throws<RegistryRuleException>(() => task.Locate(latitude, longitude));
        Assert.Equal((37.45, 126.7), (task.Latitude, task.Longitude));
    }

    [Fact]
    public void A_map_point_can_be_removed_and_the_edges_of_the_globe_are_valid()
    {
        var task = Task();
        task.Locate(-90, 180);
        Assert.Equal((-90.0, 180.0), (task.Latitude, task.Longitude));

        task.Locate(null, null);
        Assert.Null(task.Latitude);
        Assert.Null(task.Longitude);
    }

    [Fact]
    public void Regions_are_replaced_without_duplicates_and_at_least_one_is_needed()
    {
        var task = Task();
        task.SetRegions([1, 2, 2, 3]);
        Assert.Equal([1, 2, 3], task.Regions.Select(r => r.RegionId));

        task.SetRegions([3, 4]);
        Assert.Equal([3, 4], task.Regions.Select(r => r.RegionId));

        Assert.Throws<RegistryRuleException>(() => task.SetRegions([]));
        Assert.Equal([3, 4], task.Regions.Select(r => r.RegionId));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(101)]
    public void Progress_outside_0_to_100_is_refused(int progress)
    {
        var task = Task();
        task.SetProgress(40, T0);

        Assert.Throws<RegistryRuleException>(() => task.SetProgress(progress, T0.AddHours(1)));
        Assert.Equal(40, task.Progress);
    }

    [Theory]
    [MemberData(nameof(Statuses))]
    public void Any_status_can_follow_any_other(PolicyTaskStatus from, PolicyTaskStatus to)
    {
        var task = Task();
        task.SetStatus(from, T0);

        task.SetStatus(to, T0.AddDays(1));

        Assert.Equal(to, task.Status);
        Assert.Equal(T0.AddDays(1), task.UpdatedAt);
    }

    public static TheoryData<PolicyTaskStatus, PolicyTaskStatus> Statuses()
    {
        var data = new TheoryData<PolicyTaskStatus, PolicyTaskStatus>();
        foreach (var from in Enum.GetValues<PolicyTaskStatus>())
        {
            foreach (var to in Enum.GetValues<PolicyTaskStatus>())
            {
                data.Add(from, to);
            }
        }

        return data;
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(1000.5)]
    [InlineData(double.NaN)]
    public void A_weight_outside_0_to_1000_is_refused(double weight)
    {
        var task = Task();
        task.SetWeight(2, T0);

        Assert.Throws<RegistryRuleException>(() => task.SetWeight(weight, T0));
        Assert.Equal(2, task.Weight);
    }

    [Fact]
    public void A_parents_progress_is_the_weighted_mean_of_its_childrens_rounded_and_carried_to_the_root()
    {
        var root = Task("교통 공약");
        var parent = Task("버스");
        var a = Task("노선");
        var b = Task("정류장");
        parent.MoveUnder(root, T0);
        a.MoveUnder(parent, T0);
        b.MoveUnder(parent, T0);

        a.SetProgress(50, T0.AddDays(1));
        Assert.Equal(25, parent.Progress);
        Assert.Equal(25, root.Progress);

        b.SetWeight(3, T0.AddDays(2));
        b.SetProgress(15, T0.AddDays(2));
        // (1 × 50 + 3 × 15) / 4 = 23.75
        Assert.Equal(24, parent.Progress);
        Assert.Equal(24, root.Progress);
        Assert.Equal(T0.AddDays(2), root.UpdatedAt);

        a.SetProgress(51, T0.AddDays(3));
        // (51 + 45) / 4 = 24, and 22.5 would round away from zero.
        Assert.Equal(24, parent.Progress);
        b.SetProgress(13, T0.AddDays(3));
        Assert.Equal(23, parent.Progress);
    }

    [Fact]
    public void A_parents_progress_cannot_be_set_directly()
    {
        var parent = Task("버스");
        Task("노선").MoveUnder(parent, T0);

        Assert.Throws<RegistryRuleException>(() => parent.SetProgress(80, T0));
        Assert.Equal(0, parent.Progress);
    }

    [Fact]
    public void Moving_a_task_recomputes_its_old_and_new_parent()
    {
        var first = Task("첫째");
        var second = Task("둘째");
        var stays = Task("남는 과제");
        var moves = Task("옮기는 과제");
        stays.MoveUnder(first, T0);
        moves.MoveUnder(first, T0);
        moves.SetProgress(100, T0);
        Assert.Equal(50, first.Progress);

        moves.MoveUnder(second, T0.AddDays(1));

        Assert.Equal(0, first.Progress);
        Assert.Equal(100, second.Progress);
        Assert.Same(second, moves.Parent);
        Assert.Equal([stays], first.Children);
        Assert.Equal([moves], second.Children);

        moves.MoveUnder(null, T0.AddDays(2));
        Assert.Null(moves.Parent);
        Assert.Empty(second.Children);
    }

    [Fact]
    public void A_task_cannot_go_under_itself_or_one_of_its_descendants()
    {
        var root = Task("뿌리");
        var child = Task("자식");
        var grandchild = Task("손자");
        child.MoveUnder(root, T0);
        grandchild.MoveUnder(child, T0);

        Assert.Throws<RegistryRuleException>(() => root.MoveUnder(root, T0));
        Assert.Throws<RegistryRuleException>(() => root.MoveUnder(grandchild, T0));
        Assert.Throws<RegistryRuleException>(() => child.MoveUnder(grandchild, T0));
        Assert.Null(root.Parent);
        Assert.Same(root, child.Parent);
    }

    [Fact]
    public void A_progress_update_moves_the_tasks_progress_and_status()
    {
        var task = Task();

        var entry = task.AddActivity(Entry(ActivityKind.ProgressUpdate, "  1단계를 마쳤습니다.  ", progress: 60, status: PolicyTaskStatus.InProgress), T0.AddDays(1));

        Assert.Equal((60, PolicyTaskStatus.InProgress), (task.Progress, task.Status));
        Assert.Equal(("1단계를 마쳤습니다.", "박도현", (int?)60, (PolicyTaskStatus?)PolicyTaskStatus.InProgress), (entry.Text, entry.AuthorName, entry.ProgressAfter, entry.StatusAfter));
        Assert.Equal([entry], task.Activities);
        Assert.Equal(T0.AddDays(1), task.UpdatedAt);
    }

    [Fact]
    public void A_progress_update_without_progress_or_status_is_refused()
    {
        var task = Task();

        Assert.Throws<RegistryRuleException>(() => task.AddActivity(Entry(ActivityKind.ProgressUpdate), T0));
        Assert.Empty(task.Activities);
    }

    [Fact]
    public void A_progress_update_with_progress_out_of_range_is_refused_and_not_recorded()
    {
        var task = Task();

        Assert.Throws<RegistryRuleException>(() => task.AddActivity(Entry(ActivityKind.ProgressUpdate, progress: 140), T0));
        Assert.Empty(task.Activities);
        Assert.Equal(0, task.Progress);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void An_entry_without_text_is_refused(string text)
    {
        var task = Task();

        Assert.Throws<RegistryRuleException>(() => task.AddActivity(Entry(text: text), T0));
        Assert.Throws<RegistryRuleException>(() => task.AddActivity(Entry(text: new string('a', 20001)), T0));
        Assert.Empty(task.Activities);
    }

    [Fact]
    public void A_correction_must_point_at_an_entry_of_the_same_task()
    {
        var task = Task();
        var other = Task("다른 과제");
        var original = other.AddActivity(Entry(), T0);

        Assert.Throws<RegistryRuleException>(() => task.AddActivity(Entry(corrects: original.Id + 1), T0));
        Assert.Empty(task.Activities);

        var first = task.AddActivity(Entry(), T0);
        var correction = task.AddActivity(Entry(text: "정정: 점검일은 3월 3일입니다.", corrects: first.Id), T0.AddHours(1));
        Assert.Equal(first.Id, correction.CorrectsId);
        Assert.Equal(2, task.Activities.Count);
    }

    [Fact]
    public void An_outcome_is_recorded_on_the_timeline_and_its_origin_linked_once()
    {
        var task = Task();
        var outcome = new OutcomePublished(OutcomeOrigin.Petition, "42", "버스 증차 청원", "/petitions/42", "증차하기로 했습니다", "  ", null, null,
            new DateTime(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc), null, null);

        var entry = task.AddOutcome(outcome, T0);
        task.AddOutcome(outcome with { Decision = "추가 증차" }, T0.AddDays(1));

        Assert.Equal(ActivityKind.CitizenOutcome, entry.Kind);
        Assert.Equal("버스 증차 청원", entry.Text);
        Assert.Equal(("증차하기로 했습니다", "/petitions/42", (string?)null), (entry.OutcomeDecision, entry.OutcomeLink, entry.AuthorName));
        Assert.Equal(2, task.Activities.Count);
        var origin = Assert.Single(task.Origins);
        Assert.Equal((OutcomeOrigin.Petition, "42", "/petitions/42"), (origin.Origin, origin.OriginId, origin.Link));
    }
}
