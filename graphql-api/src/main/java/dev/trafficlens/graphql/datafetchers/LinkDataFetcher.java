package dev.trafficlens.graphql.datafetchers;

import com.netflix.graphql.dgs.DgsComponent;
import com.netflix.graphql.dgs.DgsMutation;
import com.netflix.graphql.dgs.DgsQuery;
import com.netflix.graphql.dgs.InputArgument;
import com.netflix.graphql.types.errors.ErrorType;
import dev.trafficlens.domain.model.Link;
import dev.trafficlens.domain.model.QueryProblem;
import dev.trafficlens.domain.model.ResourceRef;
import dev.trafficlens.graphql.config.ArchiveUnavailable;
import dev.trafficlens.graphql.config.LinkDirectory;
import dev.trafficlens.graphql.errors.GraphqlErrors;
import dev.trafficlens.graphql.generated.DgsConstants.MUTATION;
import dev.trafficlens.graphql.generated.DgsConstants.QUERY;
import dev.trafficlens.graphql.generated.types.CollectionRun;
import dev.trafficlens.graphql.generated.types.LinkInput;
import dev.trafficlens.graphql.views.LinkViews;
import graphql.GraphQLError;
import graphql.execution.DataFetcherResult;
import graphql.execution.ResultPath;
import graphql.schema.DataFetchingEnvironment;
import io.vavr.control.Either;
import io.vavr.control.Validation;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The links API: {@code Query.links}, {@code Query.link} and the mutations that add, change, remove and collect
 * links. Every error is a typed GraphQL error at the field: bad input as {@code INVALID_QUERY} naming its argument
 * path, an unknown id {@code NOT_FOUND}, a resource that is already a link {@code CONFLICT} naming that link,
 * {@code ARCHIVE_DISABLED} when {@code trafficlens.archive.enabled=false}, {@code ARCHIVE_UNAVAILABLE} when its
 * database does not answer.
 */
@DgsComponent
public class LinkDataFetcher {

    static final int MAX_NAME_LENGTH = 200;
    static final int MAX_TAG_LENGTH = 64;
    static final int MAX_TAGS = 50;

    private final LinkDirectory links;
    private final Clock clock;

    public LinkDataFetcher(LinkDirectory links, Clock clock) {
        this.links = links;
        this.clock = clock;
    }

    @DgsQuery(field = QUERY.Links)
    public DataFetcherResult<List<dev.trafficlens.graphql.generated.types.Link>> links(
            DataFetchingEnvironment env, @InputArgument String tag) {
        return withStore(env, store -> store.all().stream()
                .filter(link -> tag == null || link.tags().contains(tag))
                .map(this::view).toList());
    }

    @DgsQuery(field = QUERY.Link)
    public DataFetcherResult<dev.trafficlens.graphql.generated.types.Link> link(
            DataFetchingEnvironment env, @InputArgument String id) {
        return withStore(env, store -> store.byId(id).map(this::view).orElse(null));
    }

    @DgsMutation(field = MUTATION.AddLink)
    public DataFetcherResult<dev.trafficlens.graphql.generated.types.Link> addLink(
            DataFetchingEnvironment env, @InputArgument LinkInput input) {
        ResultPath path = env.getExecutionStepInfo().getPath();
        List<QueryProblem> problems = new ArrayList<>();
        name(input.getName(), "input.name", problems);
        Set<String> tags = tags(input.getTags(), "input.tags", problems);
        Validation<List<QueryProblem>, ? extends ResourceRef> resource = QueryInputs.resource(input.getResource());
        if (resource.isInvalid()) {
            resource.getError().forEach(problem -> problems.add(problem.under("input")));
        }
        if (!problems.isEmpty()) {
            return failed(problems, path);
        }
        return withStore(env, store -> {
            Either<Link, Link> added = store.add(input.getName(), resource.get(), tags, clock.instant());
            if (added.isLeft()) {
                String existing = added.getLeft().id();
                throw new Refused(GraphqlErrors.coded("CONFLICT", ErrorType.FAILED_PRECONDITION,
                        "input.resource: this resource is already link " + existing, path,
                        Map.of("field", "input.resource", "linkId", existing)));
            }
            return view(added.get());
        });
    }

    @DgsMutation(field = MUTATION.UpdateLink)
    public DataFetcherResult<dev.trafficlens.graphql.generated.types.Link> updateLink(
            DataFetchingEnvironment env, @InputArgument String id, @InputArgument String name,
            @InputArgument List<String> tags) {
        ResultPath path = env.getExecutionStepInfo().getPath();
        List<QueryProblem> problems = new ArrayList<>();
        if (name != null) {
            name(name, "name", problems);
        }
        Set<String> newTags = tags == null ? null : tags(tags, "tags", problems);
        if (!problems.isEmpty()) {
            return failed(problems, path);
        }
        return withStore(env, store -> store.update(id, Optional.ofNullable(name), Optional.ofNullable(newTags))
                .map(this::view)
                .orElseThrow(() -> new Refused(notFound(id, path))));
    }

    @DgsMutation(field = MUTATION.RemoveLink)
    public DataFetcherResult<Boolean> removeLink(
            DataFetchingEnvironment env, @InputArgument String id, @InputArgument Boolean purgeSamples) {
        return withStore(env, store -> store.remove(id, Boolean.TRUE.equals(purgeSamples)));
    }

    @DgsMutation(field = MUTATION.Collect)
    public DataFetcherResult<CollectionRun> collect(DataFetchingEnvironment env, @InputArgument List<String> linkIds) {
        return withStore(env, store -> LinkViews.of(store
                .collect(linkIds == null ? Optional.empty() : Optional.of(Set.copyOf(linkIds)))));
    }

    private dev.trafficlens.graphql.generated.types.Link view(Link link) {
        return LinkViews.of(link, clock.instant());
    }

    /** A refusal found while the store was open, carried out as the field's error. */
    private static final class Refused extends RuntimeException {
        private final transient GraphQLError error;

        Refused(GraphQLError error) {
            super(null, null, false, false);
            this.error = error;
        }
    }

    /** Runs {@code work} on the links; the archive being off or unreachable is the field's error. */
    private <T> DataFetcherResult<T> withStore(DataFetchingEnvironment env, Function<LinkDirectory, T> work) {
        ResultPath path = env.getExecutionStepInfo().getPath();
        try {
            return DataFetcherResult.<T>newResult().data(work.apply(links)).build();
        } catch (Refused refused) {
            return DataFetcherResult.<T>newResult().error(refused.error).build();
        } catch (ArchiveUnavailable unavailable) {
            return DataFetcherResult.<T>newResult().error(unavailable.error(path)).build();
        }
    }

    private static <T> DataFetcherResult<T> failed(List<QueryProblem> problems, ResultPath path) {
        return DataFetcherResult.<T>newResult()
                .errors(problems.stream().map(problem -> GraphqlErrors.of(problem, path)).toList()).build();
    }

    private static GraphQLError notFound(String id, ResultPath path) {
        return GraphqlErrors.of(QueryProblem.notFound("id", "no link has id \"" + id + "\""), path);
    }

    private static void name(String name, String field, List<QueryProblem> problems) {
        if (name == null || name.isBlank()) {
            problems.add(QueryProblem.invalid(field, "expected a name that is not blank"));
        } else if (name.length() > MAX_NAME_LENGTH) {
            problems.add(QueryProblem.invalid(field, "expected at most " + MAX_NAME_LENGTH + " characters, got "
                    + name.length()));
        }
    }

    /** The tags, each checked; in their order, repeats dropped. */
    private static Set<String> tags(List<String> tags, String field, List<QueryProblem> problems) {
        if (tags == null) {
            return Set.of();
        }
        if (tags.size() > MAX_TAGS) {
            problems.add(QueryProblem.invalid(field, "expected at most " + MAX_TAGS + " tags, got " + tags.size()));
        }
        for (int i = 0; i < tags.size(); i++) {
            String tag = tags.get(i);
            if (tag == null || tag.isBlank()) {
                problems.add(QueryProblem.invalid(field + "[" + i + "]", "expected a tag that is not blank"));
            } else if (tag.length() > MAX_TAG_LENGTH) {
                problems.add(QueryProblem.invalid(field + "[" + i + "]", "expected at most " + MAX_TAG_LENGTH
                        + " characters, got " + tag.length()));
            }
        }
        return new LinkedHashSet<>(tags);
    }
}
