"""Shared REST API plumbing: permissions, one error shape, filtering, paging, nine operations.

Every resource under /api/v1/ is a NineOperationsViewSet: list, create, read, update, delete, count,
exists, bulk (POST creates, PATCH updates, all or nothing) and query (a ListNode-style
parameters as JSON). Elsewhere: the filter language (tria.api.filterlang, pure functions), API keys
and their DRF authentication class (tria.api.apikeys: DRF's settings import it before its views
exist,
so it cannot live here), the bulk-validation fast path (tria.api.fastpath).

The package: errors (ApiError, the exception handler, the JSON parser, not_found), permissions,
pagination, filtering (filter fields, FilterSets, the filter backend), fields (serializer fields,
ApiModelSerializer, small request/response serializers), schema (drf-spectacular), viewsets
(NineOperationsViewSet and the bulk helpers). Everything is re-exported here: use `api.X`.
"""

from tria.api.errors import (
    ApiError,
    ApiJSONParser,
    exception_handler,
    not_found,
)
from tria.api.fields import (
    ApiModelSerializer,
    CachedRelatedField,
    CountSerializer,
    ErrorDetailSerializer,
    ErrorSerializer,
    ExistsSerializer,
    FiltersBodySerializer,
    ObjectJSONField,
    QueryBodySerializer,
    SessionRefField,
    UtcDateTimeField,
    bulk_result_serializer,
    bulk_update_item_serializer,
)
from tria.api.filtering import (
    FILTER_FOR_KIND,
    FILTER_LANGUAGE_DOC,
    QUERY_SUFFIXES,
    RESERVED_PARAMS,
    ApiFilterBackend,
    IntegerFilter,
    NormalizedCharField,
    NormalizedCharFilter,
    StrictBooleanField,
    StrictBooleanFilter,
    UtcDateTimeFilter,
    UtcDateTimeFormField,
    apply_conditions,
    filter_fields,
    filterset_for,
    shown_fields,
)
from tria.api.pagination import ApiPagination, Page, paginate
from tria.api.permissions import PERMISSION_FOR_ACTION, READ_ACTIONS, ApiPermission
from tria.api.schema import ApiKeyScheme, NineOperationsSchema
from tria.api.viewsets import (
    KEY_PARSERS,
    NineOperationsViewSet,
    invalid_items,
    item_errors,
    prefetch_related_keys,
    unique_errors,
)

__all__ = [
    "FILTER_FOR_KIND",
    "FILTER_LANGUAGE_DOC",
    "KEY_PARSERS",
    "PERMISSION_FOR_ACTION",
    "QUERY_SUFFIXES",
    "READ_ACTIONS",
    "RESERVED_PARAMS",
    "ApiError",
    "ApiFilterBackend",
    "ApiJSONParser",
    "ApiKeyScheme",
    "ApiModelSerializer",
    "ApiPagination",
    "ApiPermission",
    "CachedRelatedField",
    "CountSerializer",
    "ErrorDetailSerializer",
    "ErrorSerializer",
    "ExistsSerializer",
    "FiltersBodySerializer",
    "IntegerFilter",
    "NineOperationsSchema",
    "NineOperationsViewSet",
    "NormalizedCharField",
    "NormalizedCharFilter",
    "ObjectJSONField",
    "Page",
    "QueryBodySerializer",
    "SessionRefField",
    "StrictBooleanField",
    "StrictBooleanFilter",
    "UtcDateTimeField",
    "UtcDateTimeFilter",
    "UtcDateTimeFormField",
    "apply_conditions",
    "bulk_result_serializer",
    "bulk_update_item_serializer",
    "exception_handler",
    "filter_fields",
    "filterset_for",
    "invalid_items",
    "item_errors",
    "not_found",
    "paginate",
    "prefetch_related_keys",
    "shown_fields",
    "unique_errors",
]
