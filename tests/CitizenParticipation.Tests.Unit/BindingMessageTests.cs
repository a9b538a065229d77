using System.Globalization;
using System.Reflection;
using CitizenParticipation.Core.Localization;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace CitizenParticipation.Tests.Unit;

/// <summary>Each site's model-binding messages come from its own catalog, even with several sites in one process (as in the tests).</summary>
public sealed class BindingMessageTests
{
    [Fact]
    public void Two_sites_in_one_process_each_translate_and_record_missing_texts_in_their_own_catalog()
    {
        var first = new TranslationCatalog([typeof(TranslationCatalog).Assembly]);
        var second = new TranslationCatalog(Array.Empty<Assembly>());
        var firstMessages = new DefaultModelBindingMessageProvider();
        var secondMessages = new DefaultModelBindingMessageProvider();
        LocalizedBindingMessages.Apply(firstMessages, new JsonStringLocalizer(first));
        LocalizedBindingMessages.Apply(secondMessages, new JsonStringLocalizer(second));

        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("ko");
        try
        {
            var translated = firstMessages.ValueMustBeANumberAccessor("Count");
            var untranslated = secondMessages.ValueMustBeANumberAccessor("Count");

            Assert.NotEqual("The value must be a number.", translated);
            Assert.Equal("The value must be a number.", untranslated);
            Assert.Empty(first.Missing);
            Assert.Equal([("ko", "The value must be a number.")], second.Missing.Keys);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}
