using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;

namespace Workflow.ServiceDefaults.Data;

/// <summary>
/// <c>FindAsync</c> by a <see cref="Guid"/> primary key through a query compiled once per entity
/// type. EF Core's own <c>FindAsync</c> builds a new query on every call and pays for
/// parameter extraction and query-cache hashing each time: under load that was a tenth of a
/// consumer's CPU in extract (benchmark profile, README "Benchmark"). Same answer: an instance
/// the context already tracks is returned without a query, and the loaded one is tracked.
/// Hand-written: EF Core offers compiled queries but no compiled Find.
/// </summary>
public static class KeyLookup
{
    public static Task<TEntity?> FindByKeyAsync<TEntity>(this DbContext db, Guid key, CancellationToken cancellationToken)
        where TEntity : class
    {
        if (db.Set<TEntity>().Local.FindEntry(key) is { } tracked)
        {
            return Task.FromResult<TEntity?>(tracked.Entity);
        }

        return Compiled<TEntity>.For(db)(db, key, cancellationToken);
    }

    private static class Compiled<TEntity>
        where TEntity : class
    {
        private static Func<DbContext, Guid, CancellationToken, Task<TEntity?>>? s_query;

        // Built from the model on first use (the key's name is the model's); a race builds it twice, harmlessly.
        public static Func<DbContext, Guid, CancellationToken, Task<TEntity?>> For(DbContext db) =>
            s_query ??= EF.CompileAsyncQuery(ByKey(KeyName(db)));

        private static string KeyName(DbContext db)
        {
            var key = db.Model.FindEntityType(typeof(TEntity))?.FindPrimaryKey()
                ?? throw new InvalidOperationException($"{typeof(TEntity).Name} is not an entity with a primary key in {db.GetType().Name}.");
            if (key.Properties is not [{ ClrType: var type } property] || type != typeof(Guid))
            {
                throw new InvalidOperationException($"{typeof(TEntity).Name}'s primary key is not a single Guid.");
            }

            return property.Name;
        }

        // (db, key, ct) => db.Set<TEntity>().FirstOrDefault(e => EF.Property<Guid>(e, "<key>") == key)
        private static Expression<Func<DbContext, Guid, CancellationToken, TEntity?>> ByKey(string keyName)
        {
            var db = Expression.Parameter(typeof(DbContext), "db");
            var key = Expression.Parameter(typeof(Guid), "key");
            var cancellation = Expression.Parameter(typeof(CancellationToken), "cancellationToken");
            var entity = Expression.Parameter(typeof(TEntity), "e");
            var keyOfEntity = Expression.Call(typeof(EF), nameof(EF.Property), [typeof(Guid)], entity, Expression.Constant(keyName));
            var matches = Expression.Lambda<Func<TEntity, bool>>(Expression.Equal(keyOfEntity, key), entity);
            var set = Expression.Call(db, nameof(DbContext.Set), [typeof(TEntity)]);
            var first = Expression.Call(typeof(Queryable), nameof(Queryable.FirstOrDefault), [typeof(TEntity)], set, Expression.Quote(matches));
            return Expression.Lambda<Func<DbContext, Guid, CancellationToken, TEntity?>>(first, db, key, cancellation);
        }
    }
}
