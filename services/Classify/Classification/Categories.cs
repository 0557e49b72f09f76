namespace Workflow.Classify.Classification;

/// <summary>The categories of the IT service desk data set the local model is trained on.</summary>
public static class Categories
{
    public const string Hardware = "Hardware";
    public const string Access = "Access";
    public const string HrSupport = "HR Support";
    public const string Storage = "Storage";
    public const string Purchase = "Purchase";
    public const string InternalProject = "Internal Project";
    public const string AdministrativeRights = "Administrative rights";
    public const string Miscellaneous = "Miscellaneous";

    public static readonly IReadOnlyList<string> All =
        [Hardware, Access, HrSupport, Storage, Purchase, InternalProject, AdministrativeRights, Miscellaneous];
}
